// The reporting period of the analytics pages, as it stands in the URL: a preset (?period=7|30|90, the last N days
// today included) or a custom range (?from=yyyy-mm-dd&to=yyyy-mm-dd, both days included).

import { isoDay } from '../../lib/searchParams';

export const PERIOD_PRESETS = [7, 30, 90] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
export const DEFAULT_PRESET: PeriodPreset = 30;

export interface Period {
  preset: PeriodPreset | 'custom';
  /** yyyy-mm-dd, both ends included. */
  from: string;
  to: string;
}

/** The local calendar day of `date` as yyyy-mm-dd. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `day` moved by `days` (calendar arithmetic, no time zone involved). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`, both included. */
export function dayCount(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The last `days` days, today included. */
export function presetPeriod(days: PeriodPreset, today: Date = new Date()): Period {
  const to = localDay(today);
  return { preset: days, from: addDays(to, -(days - 1)), to };
}

/** The period in the query string: a valid custom range wins, then a known preset, else the last 30 days. */
export function readPeriod(params: URLSearchParams, today: Date = new Date()): Period {
  const from = isoDay(params.get('from'));
  const to = isoDay(params.get('to'));
  if (from && to && from <= to) return { preset: 'custom', from, to };
  const preset = Number(params.get('period'));
  const known = (PERIOD_PRESETS as readonly number[]).includes(preset) ? (preset as PeriodPreset) : DEFAULT_PRESET;
  return presetPeriod(known, today);
}

/** The query-string changes for a period (the default preset leaves the URL clean). */
export function periodParams(period: Period): Record<string, string> {
  if (period.preset === 'custom') return { period: '', from: period.from, to: period.to };
  return { period: period.preset === DEFAULT_PRESET ? '' : String(period.preset), from: '', to: '' };
}

/** The period for the attribution endpoint: instants [start of `from`, start of the day after `to`) in local time. */
export function periodInstants(period: Pick<Period, 'from' | 'to'>): { from: string; to: string } {
  return {
    from: new Date(`${period.from}T00:00:00`).toISOString(),
    to: new Date(`${addDays(period.to, 1)}T00:00:00`).toISOString(),
  };
}

/**
 * A short label for a range of days: "1–30 Oct", "28 Sep – 4 Oct", "28 Dec 2025 – 3 Jan 2026". The year is shown when
 * the range is not in `currentYear` or spans two years.
 */
export function formatDayRange(from: string, to: string, locale?: string, currentYear = new Date().getFullYear()): string {
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return `${from} – ${to}`;
  const withYear = start.getUTCFullYear() !== currentYear || end.getUTCFullYear() !== currentYear;
  const format = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  });
  return from === to ? format.format(start) : format.formatRange(start, end);
}
