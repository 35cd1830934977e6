import { z } from 'zod';
import { splitList } from '../../lib/format';

export const writeKeySchema = z.object({
  name: z.string().trim().min(1, 'Enter the site or app the key is for.').max(100, 'Use at most 100 characters.'),
  allowedOrigins: z
    .string()
    .refine((value) => splitList(value).length <= 20, 'At most 20 origins.')
    .refine(
      (value) => splitList(value).every((origin) => /^https?:\/\/[^/\s?#]+\/?$/i.test(origin)),
      'Each origin is a scheme and host (and port), e.g. https://shop.example.ro — no path.',
    ),
});
export type WriteKeyValues = z.infer<typeof writeKeySchema>;
