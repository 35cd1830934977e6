import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../src/api/types';
import { applyMapping, initialMapping, mappingGroups, validateMapping } from '../src/modules/imports/mappingFields';
import { guessDelimiter } from '../src/modules/imports/importOptionsSchema';

const preview: ImportPreview = {
  fileName: 'people.csv',
  rowCount: 2,
  delimiter: ',',
  headers: ['E-mail', 'Name', 'ERP id', 'Notes'],
  sampleRows: [
    ['ana@example.com', 'Ana', 'C-1', 'x'],
    ['dan@example.com', 'Dan', 'C-2', ''],
  ],
  suggestedMapping: { 'E-mail': 'email', Name: 'firstName', 'ERP id': 'externalId:erp' },
  fields: ['email', 'firstName', 'externalId:erp'],
};

describe('import mapping', () => {
  it('starts from the suggested mapping and ignores the rest', () => {
    expect(initialMapping(preview)).toEqual({ 'E-mail': 'email', Name: 'firstName', 'ERP id': 'externalId:erp', Notes: '' });
  });

  it('needs an identity column', () => {
    const result = validateMapping({ 'E-mail': '', Name: 'firstName' });
    expect(result.valid).toBe(false);
    expect(result.general).toMatch(/at least one column/);
  });

  it('flags a field mapped twice, tags included (the host refuses it)', () => {
    const result = validateMapping({ a: 'email', b: 'email', c: 'tags', d: 'tags' });
    expect(result.columnErrors).toEqual({
      a: 'Email is mapped from more than one column.',
      b: 'Email is mapped from more than one column.',
      c: 'Tags (separated by ; or |) is mapped from more than one column.',
      d: 'Tags (separated by ; or |) is mapped from more than one column.',
    });
  });

  it('requires a source for a custom external id', () => {
    expect(validateMapping({ a: 'externalId:' }).columnErrors.a).toMatch(/source system/);
    expect(validateMapping({ a: 'externalId:shopify' }).valid).toBe(true);
    expect(validateMapping({ a: 'externalId:Shopify' }).columnErrors.a).toMatch(/lower-case/);
  });

  it('shows rows as mapped', () => {
    expect(applyMapping(preview, initialMapping(preview))).toEqual({
      columns: [
        { field: 'email', header: 'E-mail' },
        { field: 'firstName', header: 'Name' },
        { field: 'externalId:erp', header: 'ERP id' },
      ],
      rows: [
        ['ana@example.com', 'Ana', 'C-1'],
        ['dan@example.com', 'Dan', 'C-2'],
      ],
    });
  });

  it('offers attributes, consent channels and unknown suggestions', () => {
    const groups = mappingGroups([{ name: 'vat_payer', type: 'bool', label: 'VAT payer' }], ['custom.thing']);
    const values = groups.flatMap((g) => g.options.map((o) => o.value));
    expect(values).toContain('attributes.vat_payer');
    expect(values).toContain('consent.whatsapp');
    expect(values).toContain('custom.thing');
  });

  it('guesses the delimiter from the header line', () => {
    expect(guessDelimiter('email;name;phone')).toBe(';');
    expect(guessDelimiter('email,name')).toBe(',');
    expect(guessDelimiter('email\tname')).toBe('\t');
    expect(guessDelimiter('email')).toBe(',');
  });
});
