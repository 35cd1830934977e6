import { z } from 'zod';
import { CONSENT_CHANNELS, SUPPRESSION_REASONS } from '../../api/types';

/** Suppressions apply to sending channels (consent channels minus profiling). */
export const SUPPRESSION_CHANNELS = CONSENT_CHANNELS.filter((c) => c !== 'profiling');

export const suppressionSchema = z.object({
  channel: z.enum(SUPPRESSION_CHANNELS as ['email', 'sms', 'whatsapp', 'push']),
  address: z.string().trim().min(1, 'Enter the address, number or device token.').max(320, 'Use at most 320 characters.'),
  reason: z.enum(SUPPRESSION_REASONS),
  note: z.string().trim().max(500, 'Use at most 500 characters.'),
});

export type SuppressionValues = z.infer<typeof suppressionSchema>;
