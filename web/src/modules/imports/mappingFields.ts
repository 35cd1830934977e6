import { CONSENT_CHANNELS, type AttributeDefinition, type ColumnMapping, type ImportPreview } from '../../api/types';
import { humanize } from '../../lib/format';

export interface MappingOption {
  value: string;
  label: string;
}

export interface MappingGroup {
  label: string;
  options: MappingOption[];
}

export const IGNORE = '';
export const EXTERNAL_ID_PREFIX = 'externalId:';
/** External systems the product names (ERP, B2B portal, invoicing, CRM). */
export const KNOWN_EXTERNAL_SOURCES = ['erp', 'b2b', 'smartbill', 'crm'];

export const CONTACT_FIELDS: MappingOption[] = [
  { value: 'email', label: 'Email' },
  { value: 'phone', label: 'Phone' },
  { value: 'firstName', label: 'First name' },
  { value: 'lastName', label: 'Last name' },
  { value: 'company', label: 'Company' },
  { value: 'city', label: 'City' },
  { value: 'country', label: 'Country' },
  { value: 'locale', label: 'Locale' },
  { value: 'timezone', label: 'Timezone' },
  { value: 'lifecycleStage', label: 'Lifecycle stage' },
  { value: 'taxId', label: 'Tax id' },
  { value: 'tags', label: 'Tags (separated by ; or |)' },
];

/** Fields that identify a person on import (rows upsert by external id, email or phone). */
export const IDENTITY_FIELDS = ['email', 'phone'];

/** A custom external id source that is being typed (not one of the known sources). */
export function isCustomExternalId(value: string): boolean {
  return value.startsWith(EXTERNAL_ID_PREFIX) && !KNOWN_EXTERNAL_SOURCES.includes(value.slice(EXTERNAL_ID_PREFIX.length));
}

export function fieldLabel(value: string, attributes: AttributeDefinition[] = []): string {
  if (value === IGNORE) return 'Ignore this column';
  const base = CONTACT_FIELDS.find((f) => f.value === value);
  if (base) return base.label;
  if (value.startsWith(EXTERNAL_ID_PREFIX)) {
    const source = value.slice(EXTERNAL_ID_PREFIX.length);
    return source ? `External id (${source})` : 'External id (other source)';
  }
  if (value.startsWith('attributes.')) {
    const name = value.slice('attributes.'.length);
    const definition = attributes.find((a) => a.name === name);
    return `Attribute: ${definition?.label || name}`;
  }
  if (value.startsWith('consent.')) return `Consent: ${humanize(value.slice('consent.'.length))}`;
  return value;
}

/** The grouped choices for a column; `extra` values (e.g. from the suggested mapping) are always offered. */
export function mappingGroups(attributes: AttributeDefinition[], extra: string[] = []): MappingGroup[] {
  const groups: MappingGroup[] = [
    { label: 'Contact', options: CONTACT_FIELDS },
    {
      label: 'External ids',
      options: [
        ...KNOWN_EXTERNAL_SOURCES.map((source) => ({
          value: `${EXTERNAL_ID_PREFIX}${source}`,
          label: fieldLabel(`${EXTERNAL_ID_PREFIX}${source}`),
        })),
        { value: EXTERNAL_ID_PREFIX, label: 'External id (other source)' },
      ],
    },
    {
      label: 'Attributes',
      options: attributes.map((a) => ({ value: `attributes.${a.name}`, label: fieldLabel(`attributes.${a.name}`, attributes) })),
    },
    {
      label: 'Consent',
      options: CONSENT_CHANNELS.map((channel) => ({ value: `consent.${channel}`, label: fieldLabel(`consent.${channel}`) })),
    },
  ];
  const known = new Set(groups.flatMap((g) => g.options.map((o) => o.value)));
  const others = Array.from(new Set(extra))
    .filter((value) => value !== IGNORE && !known.has(value))
    .map((value) => ({ value, label: fieldLabel(value, attributes) }));
  if (others.length > 0) groups.push({ label: 'Other', options: others });
  return groups.filter((g) => g.options.length > 0);
}

/** Every header gets a mapping entry; unknown suggestions stay (the server suggested them). */
export function initialMapping(preview: ImportPreview): ColumnMapping {
  return Object.fromEntries(preview.headers.map((header) => [header, preview.suggestedMapping?.[header] ?? IGNORE]));
}

export interface MappingValidation {
  /** header → message */
  columnErrors: Record<string, string>;
  general: string | null;
  valid: boolean;
}

export function validateMapping(mapping: ColumnMapping): MappingValidation {
  const columnErrors: Record<string, string> = {};
  const byField = new Map<string, string[]>();
  for (const [header, field] of Object.entries(mapping)) {
    if (field === IGNORE) continue;
    if (field === EXTERNAL_ID_PREFIX) {
      columnErrors[header] = 'Enter the name of the source system.';
      continue;
    }
    // The host accepts lower-case sources only (ImportMapping.Validate); ColumnMappingStep lower-cases what is typed.
    if (field.startsWith(EXTERNAL_ID_PREFIX) && !/^[a-z0-9_-]{1,40}$/.test(field.slice(EXTERNAL_ID_PREFIX.length))) {
      columnErrors[header] = 'Use up to 40 lower-case letters, digits, dashes and underscores for the source.';
      continue;
    }
    byField.set(field, [...(byField.get(field) ?? []), header]);
  }
  // The host refuses two columns for the same field, tags included ("Two columns map to 'tags'").
  for (const [field, headers] of byField) {
    if (headers.length > 1) {
      for (const header of headers) {
        columnErrors[header] = `${fieldLabel(field)} is mapped from more than one column.`;
      }
    }
  }
  const fields = Array.from(byField.keys());
  const hasIdentity = fields.some((f) => IDENTITY_FIELDS.includes(f) || f.startsWith(EXTERNAL_ID_PREFIX));
  const general = hasIdentity
    ? null
    : 'Map at least one column to Email, Phone or an external id so rows can be matched to people.';
  return { columnErrors, general, valid: hasIdentity && Object.keys(columnErrors).length === 0 };
}

export interface MappedPreview {
  columns: { field: string; header: string }[];
  rows: string[][];
}

/** The preview rows as they will be imported: only mapped columns, labelled with their field. */
export function applyMapping(preview: ImportPreview, mapping: ColumnMapping): MappedPreview {
  const columns = preview.headers
    .map((header, index) => ({ header, index, field: mapping[header] ?? IGNORE }))
    .filter((column) => column.field !== IGNORE);
  return {
    columns: columns.map(({ field, header }) => ({ field, header })),
    rows: (preview.sampleRows ?? []).map((row) => columns.map((column) => row[column.index] ?? '')),
  };
}
