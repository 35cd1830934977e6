import { z } from 'zod';
import { splitList } from '../../lib/format';

export const bulkTagSchema = z.object({
  tags: z
    .string()
    .refine((value) => splitList(value).length > 0, 'Enter at least one tag.')
    .refine((value) => splitList(value).every((tag) => tag.length <= 64), 'A tag can have at most 64 characters.'),
});

export type BulkTagValues = z.infer<typeof bulkTagSchema>;
