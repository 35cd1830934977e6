import { z } from 'zod';
import { LIFECYCLE_STAGES, type Contact, type ContactInput } from '../../api/types';
import { emptyToNull } from '../../lib/serverErrors';
import { splitList } from '../../lib/format';

const text = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`);

const emailPattern = z.email();

/** The host's limits on tags (ContactEditor.MaxTags / MaxTagLength). */
export const MAX_TAGS = 50;
export const MAX_TAG_LENGTH = 50;

// Lengths follow the host's ContactEditor.
export const contactFieldsSchema = z.object({
  email: text(320).refine((v) => v === '' || emailPattern.safeParse(v).success, 'Enter a valid email address.'),
  phone: text(32).refine(
    (v) => v === '' || /^\+?[0-9][0-9 ().-]{4,}$/.test(v),
    'Enter a phone number, preferably in international format (+40…).',
  ),
  firstName: text(100),
  lastName: text(100),
  company: text(200),
  city: text(100),
  country: z
    .string()
    .trim()
    .refine((v) => v === '' || /^[A-Za-z]{2}$/.test(v), 'Use a two-letter country code, for example RO.'),
  locale: text(20).refine(
    (v) => v === '' || /^[A-Za-z]{2,3}([-_][A-Za-z]{2})?$/.test(v),
    'Use a language tag such as ro or ro-RO.',
  ),
  timezone: text(64),
  lifecycleStage: z.union([z.literal(''), z.enum(LIFECYCLE_STAGES)]),
  taxId: text(64),
});

export type ContactFieldValues = z.infer<typeof contactFieldsSchema>;

export const CONTACT_FIELD_NAMES = Object.keys(contactFieldsSchema.shape) as (keyof ContactFieldValues)[];

export const newContactSchema = contactFieldsSchema
  .extend({
    tags: z
      .string()
      .refine((v) => splitList(v).length <= MAX_TAGS, `Use at most ${MAX_TAGS} tags.`)
      .refine((v) => splitList(v).every((tag) => tag.length <= MAX_TAG_LENGTH), `A tag can have at most ${MAX_TAG_LENGTH} characters.`),
  })
  .refine((v) => v.email !== '' || v.phone !== '', {
    message: 'Enter an email address or a phone number.',
    path: ['email'],
  });

export type NewContactValues = z.infer<typeof newContactSchema>;

export const EMPTY_CONTACT_FIELDS: ContactFieldValues = {
  email: '',
  phone: '',
  firstName: '',
  lastName: '',
  company: '',
  city: '',
  country: '',
  locale: '',
  timezone: '',
  lifecycleStage: '',
  taxId: '',
};

export function contactToFieldValues(contact: Contact): ContactFieldValues {
  return {
    email: contact.email ?? '',
    phone: contact.phone ?? '',
    firstName: contact.firstName ?? '',
    lastName: contact.lastName ?? '',
    company: contact.company ?? '',
    city: contact.city ?? '',
    country: contact.country ?? '',
    locale: contact.locale ?? '',
    timezone: contact.timezone ?? '',
    lifecycleStage: contact.lifecycleStage ?? '',
    taxId: contact.taxId ?? '',
  };
}

function fieldToInput(name: keyof ContactFieldValues, value: string): ContactInput {
  if (name === 'lifecycleStage') {
    return { lifecycleStage: value === '' ? null : (value as ContactInput['lifecycleStage']) };
  }
  if (name === 'country') {
    const country = emptyToNull(value);
    return { country: country ? country.toUpperCase() : null };
  }
  return { [name]: emptyToNull(value) } as ContactInput;
}

/** The request body for the given fields ("" → null). */
export function fieldValuesToInput(
  values: ContactFieldValues,
  only: readonly (keyof ContactFieldValues)[] = CONTACT_FIELD_NAMES,
): ContactInput {
  return only.reduce<ContactInput>((input, name) => ({ ...input, ...fieldToInput(name, values[name]) }), {});
}

export function newContactToInput(values: NewContactValues): ContactInput {
  const input = fieldValuesToInput(values);
  // Leave empty fields out of a create request altogether.
  const compact = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null)) as ContactInput;
  const tags = splitList(values.tags);
  return tags.length > 0 ? { ...compact, tags } : compact;
}
