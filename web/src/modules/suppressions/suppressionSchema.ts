import { z } from 'zod';
import { CONSENT_CHANNELS, SUPPRESSION_REASONS } from '../../api/types';

/** Suppressions apply to sending channels (consent channels minus profiling). */
export const SUPPRESSION_CHANNELS = CONSENT_CHANNELS.filter((c) => c !== 'profiling');

export const suppressionSchema = z.object({
  channel: z.enum(SUPPRESSION_CHANNELS as ['email', 'sms', 'whatsapp', 'push']),
  // The host allows device tokens of up to 500 characters (emails and phones are validated by format).
  address: z.string().trim().min(1, 'Enter the address, number or device token.').max(500, 'Use at most 500 characters.'),
  reason: z.enum(SUPPRESSION_REASONS),
  note: z.string().trim().max(500, 'Use at most 500 characters.'),
});

export type SuppressionValues = z.infer<typeof suppressionSchema>;
