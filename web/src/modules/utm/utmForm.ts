import { UTM_FIELDS, type UtmField, type UtmParameters, type UtmViolation } from '../../api/types';

export type UtmValues = Record<UtmField, string> & { url: string };

export const EMPTY_UTM: UtmValues = { url: '', source: '', medium: '', campaign: '', term: '', content: '' };

/** The parameters as the API takes them: trimmed, empty → null. */
export function toUtmParameters(values: UtmValues): UtmParameters {
  const value = (field: UtmField) => values[field].trim() || null;
  return { source: value('source'), medium: value('medium'), campaign: value('campaign'), term: value('term'), content: value('content') };
}

/** True once anything UTM-related is typed (until then nothing is validated). */
export function hasUtmInput(values: UtmValues): boolean {
  return UTM_FIELDS.some((field) => values[field].trim() !== '');
}

export function isUtmField(field: string): field is UtmField {
  return (UTM_FIELDS as readonly string[]).includes(field);
}

/** Violations grouped by field, in the order the API named them. */
export function violationsByField(violations: readonly UtmViolation[]): Partial<Record<UtmField, UtmViolation[]>> {
  const result: Partial<Record<UtmField, UtmViolation[]>> = {};
  for (const violation of violations) {
    if (!isUtmField(violation.field)) continue;
    (result[violation.field] ??= []).push(violation);
  }
  return result;
}

/** The distinct suggestions for a field, the last one first (it follows every rule the earlier ones fixed in part). */
export function fieldSuggestions(violations: readonly UtmViolation[] | undefined, current: string): string[] {
  const suggestions = (violations ?? []).map((v) => v.suggestion).filter((s): s is string => Boolean(s) && s !== current);
  return Array.from(new Set(suggestions.reverse()));
}

/** The values with a suggestion applied to its field. */
export function applySuggestion(values: UtmValues, field: UtmField, suggestion: string): UtmValues {
  return { ...values, [field]: suggestion };
}

export const UTM_FIELD_LABELS: Record<UtmField, string> = {
  source: 'Source (utm_source)',
  medium: 'Medium (utm_medium)',
  campaign: 'Campaign (utm_campaign)',
  term: 'Term (utm_term)',
  content: 'Content (utm_content)',
};

/** The code of a short link: the last path segment of its `shortUrl` (`https://bh.example/l/Ab3dE6gH` → `Ab3dE6gH`). */
export function shortLinkCode(shortUrl: string): string {
  try {
    return new URL(shortUrl).pathname.split('/').filter(Boolean).pop() ?? '';
  } catch {
    return shortUrl.split('/').filter(Boolean).pop() ?? '';
  }
}
