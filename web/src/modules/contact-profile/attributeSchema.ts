import { z } from 'zod';
import { ATTRIBUTE_TYPES } from '../../api/types';

export const attributeDefinitionSchema = z.object({
  // The host's rule (AttributeValue.IsValidName): lower-case letters, digits and _, starting with a letter, up to 63.
  name: z
    .string()
    .trim()
    .min(1, 'Enter a name.')
    .max(63, 'Use at most 63 characters.')
    .regex(/^[a-z][a-z0-9_]*$/, 'Start with a lower-case letter; use lower-case letters, digits and underscores only.'),
  label: z.string().trim().min(1, 'Enter a label.').max(100, 'Use at most 100 characters.'),
  type: z.enum(ATTRIBUTE_TYPES as ['string', 'number', 'bool', 'date']),
});

export type AttributeDefinitionValues = z.infer<typeof attributeDefinitionSchema>;
