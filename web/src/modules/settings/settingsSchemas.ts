import { z } from 'zod';
import { API_KEY_ROLES, ROLES, type Role } from '../../api/types';

const roleEnum = z.enum(ROLES as [Role, ...Role[]]);

/** The host's rule for new users' passwords (PasswordHasher.MinimumLength; at most 256). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

export const userCreateSchema = z.object({
  email: z.string().trim().min(1, 'Enter an email address.').pipe(z.email('Enter a valid email address.')),
  displayName: z.string().trim().min(1, 'Enter a display name.').max(200, 'Use at most 200 characters.'),
  role: roleEnum,
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
    .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`),
});
export type UserCreateValues = z.infer<typeof userCreateSchema>;

export const apiKeyCreateSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name that says what uses the key.').max(100, 'Use at most 100 characters.'),
  role: z.enum(API_KEY_ROLES as [Role, ...Role[]], 'An API key cannot have the owner role.'),
});
export type ApiKeyCreateValues = z.infer<typeof apiKeyCreateSchema>;

export const tenantSchema = z.object({
  name: z.string().trim().min(1, 'Enter the tenant name.').max(200, 'Use at most 200 characters.'),
  // A tenant always has a default country and a time zone; PATCH /tenant treats null as "unchanged", so
  // neither can be cleared.
  defaultCountry: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'Use a two-letter country code, for example RO.'),
  timezone: z.string().min(1, 'Choose a time zone.'),
});
export type TenantValues = z.infer<typeof tenantSchema>;
