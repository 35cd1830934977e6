import { z } from 'zod';
import { splitList } from '../../lib/format';
import { MAX_TAG_LENGTH } from './contactSchema';

export const bulkTagSchema = z.object({
  tags: z
    .string()
    .refine((value) => splitList(value).length > 0, 'Enter at least one tag.')
    .refine(
      (value) => splitList(value).every((tag) => tag.length <= MAX_TAG_LENGTH),
      `A tag can have at most ${MAX_TAG_LENGTH} characters.`,
    ),
});

export type BulkTagValues = z.infer<typeof bulkTagSchema>;
