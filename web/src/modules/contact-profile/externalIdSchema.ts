import { z } from 'zod';

export const externalIdSchema = z.object({
  source: z
    .string()
    .trim()
    .min(1, 'Enter the source system, e.g. erp.')
    .max(40, 'Use at most 40 characters.')
    .regex(/^[a-zA-Z0-9_-]+$/, 'Use letters, digits, dashes and underscores.'),
  externalId: z.string().trim().min(1, 'Enter the id in that system.').max(200, 'Use at most 200 characters.'),
});

export type ExternalIdValues = z.infer<typeof externalIdSchema>;
