import { z } from 'zod';
import {
  CONSENT_CHANNELS,
  CONSENT_STATUSES,
  LEGAL_BASES,
  type ConsentChangeRequest,
} from '../../api/types';
import { emptyToNull } from '../../lib/serverErrors';

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^[0-9a-fA-F:]+(%\w+)?$/;

export function isIpAddress(value: string): boolean {
  return IPV4.test(value) || (value.includes(':') && IPV6.test(value));
}

export const consentChangeSchema = z
  .object({
    channel: z.enum(CONSENT_CHANNELS),
    status: z.enum(CONSENT_STATUSES),
    source: z
      .string()
      .trim()
      .min(1, 'Enter where this consent came from, e.g. "signup form" or "phone call".')
      .max(100, 'Use at most 100 characters.'),
    legalBasis: z.enum(LEGAL_BASES),
    ip: z
      .string()
      .trim()
      .max(64, 'Use at most 64 characters.')
      .refine((v) => v === '' || isIpAddress(v), 'Enter a valid IPv4 or IPv6 address.'),
    userAgent: z.string().trim().max(512, 'Use at most 512 characters.'),
    reference: z.string().trim().max(200, 'Use at most 200 characters.'),
  })
  .superRefine((values, ctx) => {
    const hasProof = values.ip !== '' || values.userAgent !== '' || values.reference !== '';
    if (values.status === 'opted_in' && values.legalBasis === 'consent' && !hasProof) {
      ctx.addIssue({
        code: 'custom',
        path: ['reference'],
        message: 'An opt-in based on consent needs proof: an IP address, a user agent or a reference.',
      });
    }
    // The host's ConsentPolicy (GDPR art. 22).
    if (values.status === 'opted_in' && values.channel === 'profiling' && values.legalBasis !== 'consent') {
      ctx.addIssue({
        code: 'custom',
        path: ['legalBasis'],
        message: 'Profiling can only be opted in on the legal basis of consent.',
      });
    }
  });

export type ConsentChangeValues = z.infer<typeof consentChangeSchema>;

export const CONSENT_FORM_FIELDS = ['status', 'source', 'legalBasis', 'ip', 'userAgent', 'reference'] as const;

/** Server keys → form fields (proof is nested in the request, flat in the form). */
export const CONSENT_FIELD_ALIASES: Record<string, string> = {
  'proof.ip': 'ip',
  'proof.userAgent': 'userAgent',
  'proof.reference': 'reference',
  proof: 'reference',
};

export function toConsentRequest(values: ConsentChangeValues): ConsentChangeRequest {
  return {
    channel: values.channel,
    status: values.status,
    source: values.source.trim(),
    legalBasis: values.legalBasis,
    proof: {
      ip: emptyToNull(values.ip),
      userAgent: emptyToNull(values.userAgent),
      reference: emptyToNull(values.reference),
    },
  };
}
