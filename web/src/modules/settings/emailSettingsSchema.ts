import { z } from 'zod';
import { EMAIL_PROVIDERS, SMTP_SECURITY, type EmailSettings, type EmailSettingsInput } from '../../api/types';

const email = (message: string) => z.string().trim().pipe(z.email(message));
const optionalEmail = z.union([z.literal(''), email('Enter a valid email address.')]);

export const emailSettingsFormSchema = z.object({
  provider: z.enum(EMAIL_PROVIDERS),
  fromEmail: email('Enter the address messages come from.'),
  fromName: z.string().trim().max(200, 'Use at most 200 characters.'),
  replyTo: z.string().trim().pipe(optionalEmail),
  host: z.string().trim(),
  /** Empty: the usual port for the security mode (587, 465 or 25). */
  port: z.string().trim().regex(/^$|^\d{1,5}$/, 'A port number, 1–65535.'),
  security: z.enum(SMTP_SECURITY),
  username: z.string().trim().max(256, 'Use at most 256 characters.'),
  /** Write-only: empty keeps the stored value. */
  password: z.string().max(4096, 'Use at most 4096 characters.'),
  baseUrl: z.string().trim(),
  domain: z.string().trim(),
  apiKey: z.string().max(4096, 'Use at most 4096 characters.'),
  webhookSigningKey: z.string().max(4096, 'Use at most 4096 characters.'),
});

export type EmailSettingsValues = z.infer<typeof emailSettingsFormSchema>;

/** The form's rules, given which secrets are already stored (a stored secret may be left empty). */
export function emailSettingsSchema(stored: Pick<EmailSettings, 'hasPassword' | 'hasApiKey'> | null) {
  return emailSettingsFormSchema.superRefine((v, ctx) => {
    const issue = (path: keyof EmailSettingsValues, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (v.provider === 'smtp') {
      if (v.host === '') issue('host', 'Enter the SMTP server’s host name or IP address.');
      if (v.port !== '' && (Number(v.port) < 1 || Number(v.port) > 65535)) issue('port', 'A port number, 1–65535.');
      if (v.username !== '' && v.password === '' && !stored?.hasPassword) issue('password', 'A password is required with a username.');
    } else {
      if (!/^https?:\/\/[^\s/?#]+/i.test(v.baseUrl)) issue('baseUrl', 'An absolute https URL, e.g. https://api.eu.mailgun.net.');
      if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(v.domain)) issue('domain', 'The sending domain registered with the provider, e.g. mg.example.com.');
      if (v.apiKey === '' && !stored?.hasApiKey) issue('apiKey', 'Enter the provider’s API key.');
    }
  });
}

export const EMPTY_EMAIL_SETTINGS: EmailSettingsValues = {
  provider: 'smtp',
  fromEmail: '',
  fromName: '',
  replyTo: '',
  host: '',
  port: '',
  security: 'starttls',
  username: '',
  password: '',
  baseUrl: '',
  domain: '',
  apiKey: '',
  webhookSigningKey: '',
};

export function fromEmailSettings(s: EmailSettings): EmailSettingsValues {
  return {
    provider: s.provider,
    fromEmail: s.fromEmail,
    fromName: s.fromName ?? '',
    replyTo: s.replyTo ?? '',
    host: s.host ?? '',
    port: s.port === null ? '' : String(s.port),
    security: s.security ?? 'starttls',
    username: s.username ?? '',
    password: '',
    baseUrl: s.baseUrl ?? '',
    domain: s.domain ?? '',
    apiKey: '',
    webhookSigningKey: '',
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** The PUT body: the chosen provider's fields; secrets only when typed (left out, the stored one is kept). */
export function toEmailSettingsInput(v: EmailSettingsValues): EmailSettingsInput {
  const common = { provider: v.provider, fromEmail: v.fromEmail.trim(), fromName: orNull(v.fromName), replyTo: orNull(v.replyTo) };
  if (v.provider === 'smtp') {
    return {
      ...common,
      host: v.host.trim(),
      port: v.port === '' ? null : Number(v.port),
      security: v.security,
      username: orNull(v.username),
      ...(v.password !== '' ? { password: v.password } : {}),
    };
  }
  return {
    ...common,
    baseUrl: v.baseUrl.trim(),
    domain: v.domain.trim().toLowerCase(),
    ...(v.apiKey !== '' ? { apiKey: v.apiKey } : {}),
    ...(v.webhookSigningKey !== '' ? { webhookSigningKey: v.webhookSigningKey } : {}),
  };
}

export const dkimSchema = z.object({
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'The domain you send from, e.g. example.com.'),
  selector: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, 'Letters, digits and hyphens, e.g. brandhub1.'),
});
export type DkimValues = z.infer<typeof dkimSchema>;

export const testEmailSchema = z.object({ to: email('Enter the address to send the test to.') });
export type TestEmailValues = z.infer<typeof testEmailSchema>;

/** The domain part of an address ('' when there is none). */
export function domainOf(address: string | null | undefined): string {
  const at = address?.lastIndexOf('@') ?? -1;
  return address && at > 0 ? address.slice(at + 1).toLowerCase() : '';
}
