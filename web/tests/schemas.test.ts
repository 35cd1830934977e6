import { describe, expect, it } from 'vitest';
import { loginSchema } from '../src/modules/auth/loginSchema';
import { newContactSchema, newContactToInput, fieldValuesToInput, EMPTY_CONTACT_FIELDS } from '../src/modules/contacts/contactSchema';
import { consentChangeSchema, toConsentRequest } from '../src/modules/contact-profile/consentSchema';
import { attributeDefinitionSchema } from '../src/modules/contact-profile/attributeSchema';
import { apiKeyCreateSchema, tenantSchema, userCreateSchema } from '../src/modules/settings/settingsSchemas';

function issuesOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

describe('loginSchema', () => {
  it('requires a valid email and a password', () => {
    expect(issuesOf(loginSchema.safeParse({ email: '', password: '' }))).toEqual({
      email: 'Enter your email address.',
      password: 'Enter your password.',
    });
    expect(issuesOf(loginSchema.safeParse({ email: 'not-an-email', password: 'x' }))).toEqual({
      email: 'Enter a valid email address.',
    });
    expect(loginSchema.safeParse({ email: ' ana@example.com ', password: 'secret' }).success).toBe(true);
  });
});

describe('newContactSchema', () => {
  const base = { ...EMPTY_CONTACT_FIELDS, tags: '' };

  it('needs an email or a phone', () => {
    expect(issuesOf(newContactSchema.safeParse(base))).toHaveProperty('email');
    expect(issuesOf(newContactSchema.safeParse({ ...base, taxId: 'RO123' }))).toHaveProperty('email');
    expect(newContactSchema.safeParse({ ...base, phone: '+40 721 000 000' }).success).toBe(true);
  });

  it('checks formats', () => {
    const issues = issuesOf(newContactSchema.safeParse({ ...base, email: 'x@', country: 'ROU', phone: 'abc' }));
    expect(issues.email).toBe('Enter a valid email address.');
    expect(issues.country).toMatch(/two-letter/);
    expect(issues.phone).toMatch(/phone number/);
  });

  it('applies the host limits on names, locales and tags', () => {
    const issues = issuesOf(
      newContactSchema.safeParse({ ...base, email: 'a@b.co', firstName: 'x'.repeat(101), locale: 'romanian', tags: 'y'.repeat(51) }),
    );
    expect(issues.firstName).toMatch(/100 characters/);
    expect(issues.locale).toMatch(/language tag/);
    expect(issues.tags).toMatch(/50 characters/);
    expect(newContactSchema.safeParse({ ...base, email: 'a@b.co', locale: 'ro-RO' }).success).toBe(true);
  });

  it('builds a compact create body with tags and an upper-case country', () => {
    const parsed = newContactSchema.parse({ ...base, email: 'ana@example.com', country: 'ro', tags: 'vip, b2b;vip' });
    expect(newContactToInput(parsed)).toEqual({ email: 'ana@example.com', country: 'RO', tags: ['vip', 'b2b'] });
  });

  it('turns cleared fields into null for PATCH', () => {
    expect(fieldValuesToInput({ ...EMPTY_CONTACT_FIELDS, city: ' ' }, ['city', 'lifecycleStage'])).toEqual({
      city: null,
      lifecycleStage: null,
    });
  });
});

describe('consentChangeSchema', () => {
  const valid = {
    channel: 'email',
    status: 'opted_in',
    source: 'signup form',
    legalBasis: 'consent',
    ip: '203.0.113.7',
    userAgent: '',
    reference: '',
  } as const;

  it('accepts an opt-in with proof', () => {
    expect(consentChangeSchema.safeParse(valid).success).toBe(true);
  });

  it('requires proof for an opt-in based on consent', () => {
    const issues = issuesOf(consentChangeSchema.safeParse({ ...valid, ip: '' }));
    expect(issues.reference).toMatch(/needs proof/);
  });

  it('does not require proof for other legal bases or for opt-outs', () => {
    expect(consentChangeSchema.safeParse({ ...valid, ip: '', legalBasis: 'contract' }).success).toBe(true);
    expect(consentChangeSchema.safeParse({ ...valid, ip: '', status: 'opted_out' }).success).toBe(true);
  });

  it('opts profiling in only on the legal basis of consent', () => {
    const issues = issuesOf(consentChangeSchema.safeParse({ ...valid, channel: 'profiling', legalBasis: 'legitimate_interest' }));
    expect(issues.legalBasis).toMatch(/Profiling/);
    expect(consentChangeSchema.safeParse({ ...valid, channel: 'profiling' }).success).toBe(true);
    expect(
      consentChangeSchema.safeParse({ ...valid, channel: 'profiling', status: 'opted_out', legalBasis: 'contract' }).success,
    ).toBe(true);
  });

  it('validates the IP address and requires a source', () => {
    const issues = issuesOf(consentChangeSchema.safeParse({ ...valid, ip: '999.1.1.1', source: ' ' }));
    expect(issues.ip).toMatch(/IPv4 or IPv6/);
    expect(issues.source).toBeDefined();
    expect(consentChangeSchema.safeParse({ ...valid, ip: '2001:db8::1' }).success).toBe(true);
  });

  it('nests proof in the request and sends null for empty proof fields', () => {
    expect(toConsentRequest(consentChangeSchema.parse(valid))).toEqual({
      channel: 'email',
      status: 'opted_in',
      source: 'signup form',
      legalBasis: 'consent',
      proof: { ip: '203.0.113.7', userAgent: null, reference: null },
    });
  });
});

describe('userCreateSchema', () => {
  const user = { email: 'a@b.co', displayName: 'A', role: 'marketer' };

  it('rejects short passwords and unknown roles', () => {
    const issues = issuesOf(userCreateSchema.safeParse({ ...user, role: 'root', password: 'short' }));
    expect(issues.password).toMatch(/10 characters/);
    expect(issues.role).toBeDefined();
  });

  it('accepts the host minimum of 10 characters', () => {
    expect(issuesOf(userCreateSchema.safeParse({ ...user, password: '123456789' })).password).toMatch(/10 characters/);
    expect(userCreateSchema.safeParse({ ...user, password: '1234567890' }).success).toBe(true);
    expect(userCreateSchema.safeParse({ ...user, password: 'x'.repeat(256) }).success).toBe(true);
    expect(userCreateSchema.safeParse({ ...user, password: 'x'.repeat(257) }).success).toBe(false);
  });
});

describe('apiKeyCreateSchema', () => {
  it('does not offer the owner role, which the host refuses for keys', () => {
    expect(issuesOf(apiKeyCreateSchema.safeParse({ name: 'ERP', role: 'owner' })).role).toMatch(/owner/);
    expect(apiKeyCreateSchema.safeParse({ name: 'ERP', role: 'admin' }).success).toBe(true);
  });
});

describe('tenantSchema', () => {
  it('requires a country and a time zone (PATCH /tenant cannot clear them)', () => {
    const issues = issuesOf(tenantSchema.safeParse({ name: 'Demo', defaultCountry: '', timezone: '' }));
    expect(issues.defaultCountry).toMatch(/two-letter/);
    expect(issues.timezone).toBeDefined();
    expect(tenantSchema.safeParse({ name: 'Demo', defaultCountry: 'ro', timezone: 'Europe/Bucharest' }).success).toBe(true);
  });
});

describe('attributeDefinitionSchema', () => {
  it('follows the host rule for attribute names', () => {
    expect(attributeDefinitionSchema.safeParse({ name: 'loyalty_points', label: 'Points', type: 'number' }).success).toBe(true);
    expect(issuesOf(attributeDefinitionSchema.safeParse({ name: 'loyaltyPoints', label: 'Points', type: 'number' })).name).toMatch(
      /lower-case/,
    );
    expect(attributeDefinitionSchema.safeParse({ name: 'a'.repeat(64), label: 'x', type: 'string' }).success).toBe(false);
  });
});
