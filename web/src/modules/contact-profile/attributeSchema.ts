import { z } from 'zod';
import { ATTRIBUTE_TYPES } from '../../api/types';

export const attributeDefinitionSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Enter a name.')
    .max(64, 'Use at most 64 characters.')
    .regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'Start with a letter; use letters, digits and underscores only.'),
  label: z.string().trim().min(1, 'Enter a label.').max(100, 'Use at most 100 characters.'),
  type: z.enum(ATTRIBUTE_TYPES as ['string', 'number', 'bool', 'date']),
});

export type AttributeDefinitionValues = z.infer<typeof attributeDefinitionSchema>;
