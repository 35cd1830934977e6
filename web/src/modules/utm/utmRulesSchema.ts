import { z } from 'zod';
import { UTM_FIELDS, type UtmField, type UtmRules, type UtmRulesInput } from '../../api/types';
import { splitList } from '../../lib/format';

export const SEPARATORS = ['-', '_', '.'] as const;

export const utmRulesSchema = z.object({
  allowedSources: z.string(),
  allowedMediums: z.string(),
  lowerCase: z.boolean(),
  separator: z.enum(SEPARATORS),
  required: z.array(z.enum(UTM_FIELDS as unknown as [UtmField, ...UtmField[]])),
  campaignPattern: z
    .string()
    .trim()
    .refine((pattern) => {
      if (!pattern) return true;
      try {
        new RegExp(pattern);
        return true;
      } catch {
        return false;
      }
    }, 'Not a valid regular expression.'),
  campaignPatternHint: z.string().trim().max(100, 'Use at most 100 characters.'),
});
export type UtmRulesValues = z.infer<typeof utmRulesSchema>;

export function toRulesValues(rules: UtmRules): UtmRulesValues {
  return {
    allowedSources: rules.allowedSources.join(', '),
    allowedMediums: rules.allowedMediums.join(', '),
    lowerCase: rules.lowerCase,
    separator: (SEPARATORS as readonly string[]).includes(rules.separator) ? (rules.separator as UtmRulesValues['separator']) : '-',
    required: rules.required.filter((field): field is UtmField => (UTM_FIELDS as readonly string[]).includes(field)),
    campaignPattern: rules.campaignPattern ?? '',
    campaignPatternHint: rules.campaignPatternHint ?? '',
  };
}

/** The PUT body: lists split on commas, an empty pattern cleared. */
export function toRulesInput(values: UtmRulesValues): UtmRulesInput {
  return {
    allowedSources: splitList(values.allowedSources),
    allowedMediums: splitList(values.allowedMediums),
    lowerCase: values.lowerCase,
    separator: values.separator,
    required: values.required,
    campaignPattern: values.campaignPattern.trim() || null,
    campaignPatternHint: values.campaignPatternHint.trim() || null,
  };
}
