import type { Cohort } from '../../api/types';

export type CohortMeasure = 'retention' | 'revenue';

/** The number of month columns (months since the first purchase) the longest cohort has. */
export function cohortColumnCount(cohorts: readonly Cohort[]): number {
  return cohorts.reduce((max, cohort) => Math.max(max, cohort.retention.length, cohort.revenue.length), 0);
}

/** A cohort's values for the measure; months not reached yet are null. */
export function cohortValues(cohort: Cohort, measure: CohortMeasure, columns: number): (number | null)[] {
  const values = measure === 'retention' ? cohort.retention : cohort.revenue;
  return Array.from({ length: columns }, (_, index) => (index < values.length ? values[index] : null));
}

/** The largest value shown for the measure (the colour scale's top); month 0 of retention (always 1) is left out. */
export function cohortScaleMax(cohorts: readonly Cohort[], measure: CohortMeasure): number {
  let max = 0;
  for (const cohort of cohorts) {
    const values = measure === 'retention' ? cohort.retention.slice(1) : cohort.revenue;
    for (const value of values) max = Math.max(max, value);
  }
  return max;
}

/** How strongly a cell is coloured: 0–1 against the scale (null cells are not coloured). */
export function cellIntensity(value: number | null, max: number): number {
  if (value === null || max <= 0) return 0;
  return Math.max(0, Math.min(1, value / max));
}

/** "2026-06" → "Jun 2026" (UTC months, as the API groups them). */
export function cohortMonthLabel(month: string, locale?: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return month;
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}
