import { z } from 'zod';
import { ROLES, type Role } from '../../api/types';

const roleEnum = z.enum(ROLES as [Role, ...Role[]]);

export const userCreateSchema = z.object({
  email: z.string().trim().min(1, 'Enter an email address.').pipe(z.email('Enter a valid email address.')),
  displayName: z.string().trim().min(1, 'Enter a display name.').max(200, 'Use at most 200 characters.'),
  role: roleEnum,
  password: z.string().min(12, 'Use at least 12 characters.').max(200, 'Use at most 200 characters.'),
});
export type UserCreateValues = z.infer<typeof userCreateSchema>;

export const apiKeyCreateSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name that says what uses the key.').max(100, 'Use at most 100 characters.'),
  role: roleEnum,
});
export type ApiKeyCreateValues = z.infer<typeof apiKeyCreateSchema>;

export const tenantSchema = z.object({
  name: z.string().trim().min(1, 'Enter the tenant name.').max(200, 'Use at most 200 characters.'),
  defaultCountry: z
    .string()
    .trim()
    .refine((v) => v === '' || /^[A-Za-z]{2}$/.test(v), 'Use a two-letter country code, for example RO.'),
  timezone: z.string(),
});
export type TenantValues = z.infer<typeof tenantSchema>;
