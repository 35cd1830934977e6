import { describe, expect, it } from 'vitest';
import type { UtmViolation } from '../src/api/types';
import { importErrors } from '../src/modules/costs/importErrors';
import { ApiError } from '../src/api/problem';
import {
  applySuggestion,
  EMPTY_UTM,
  fieldSuggestions,
  hasUtmInput,
  shortLinkCode,
  toUtmParameters,
  violationsByField,
} from '../src/modules/utm/utmForm';
import { toRulesInput, toRulesValues } from '../src/modules/utm/utmRulesSchema';

const violations: UtmViolation[] = [
  { field: 'source', rule: 'lower_case', message: 'utm_source must be lower case.', suggestion: 'newsleter' },
  { field: 'source', rule: 'allowed_source', message: "'Newsleter' is not an allowed utm_source.", suggestion: 'newsletter' },
  { field: 'campaign', rule: 'campaign_pattern', message: 'utm_campaign must match …', suggestion: null },
  { field: 'url', rule: 'x', message: 'not a UTM field', suggestion: null },
];

describe('the UTM builder', () => {
  it('sends trimmed values, empty as null', () => {
    expect(toUtmParameters({ ...EMPTY_UTM, source: ' google ', medium: '' })).toEqual({
      source: 'google',
      medium: null,
      campaign: null,
      term: null,
      content: null,
    });
    expect(hasUtmInput(EMPTY_UTM)).toBe(false);
    expect(hasUtmInput({ ...EMPTY_UTM, url: 'https://x.test', term: ' ' })).toBe(false);
    expect(hasUtmInput({ ...EMPTY_UTM, campaign: 'bf' })).toBe(true);
  });

  it('groups violations by field and offers each distinct suggestion once, the most complete first', () => {
    const byField = violationsByField(violations);
    expect(Object.keys(byField)).toEqual(['source', 'campaign']);
    expect(fieldSuggestions(byField.source, 'Newsleter')).toEqual(['newsletter', 'newsleter']);
    expect(fieldSuggestions(byField.source, 'newsletter')).toEqual(['newsleter']);
    expect(fieldSuggestions(byField.campaign, 'x')).toEqual([]);
  });

  it('applies a suggestion to its field only', () => {
    const values = { ...EMPTY_UTM, source: 'Newsleter', medium: 'email' };
    expect(applySuggestion(values, 'source', 'newsletter')).toEqual({ ...values, source: 'newsletter' });
  });
});

describe('the UTM rules form', () => {
  it('round-trips the rules, splitting the lists on commas and clearing an empty pattern', () => {
    const values = toRulesValues({
      allowedSources: ['google', 'newsletter'],
      allowedMediums: [],
      lowerCase: true,
      separator: '_',
      required: ['source', 'medium', 'bogus'],
      campaignPattern: null,
      campaignPatternHint: null,
    });
    expect(values).toMatchObject({ allowedSources: 'google, newsletter', separator: '_', required: ['source', 'medium'] });
    expect(toRulesInput({ ...values, allowedMediums: 'email;  sms ,email', campaignPattern: '  ' })).toEqual({
      allowedSources: ['google', 'newsletter'],
      allowedMediums: ['email', 'sms'],
      lowerCase: true,
      separator: '_',
      required: ['source', 'medium'],
      campaignPattern: null,
      campaignPatternHint: null,
    });
  });
});

describe('cost import errors', () => {
  it('list the problem errors by row, in file order', () => {
    const error = new ApiError(400, {
      errors: { 'row 10: amount': ['A number such as 120.50.'], 'row 2: date': ['A date as yyyy-mm-dd.', 'Really.'], file: 'Bad header.' },
    });
    expect(importErrors(error)).toEqual([
      { where: 'file', message: 'Bad header.' },
      { where: 'row 2: date', message: 'A date as yyyy-mm-dd. Really.' },
      { where: 'row 10: amount', message: 'A number such as 120.50.' },
    ]);
    expect(importErrors(new Error('network'))).toEqual([]);
  });
});

describe('a short link', () => {
  it('is looked up by the last segment of its URL', () => {
    expect(shortLinkCode('https://bh.example.ro/l/Ab3dE6gH')).toBe('Ab3dE6gH');
    expect(shortLinkCode('/l/Ab3dE6gH/')).toBe('Ab3dE6gH');
  });
});
