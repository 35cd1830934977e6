import type { ScheduleInput } from '../../api/types';

export const SCHEDULE_KINDS = ['now', 'at', 'recipientLocal', 'recurring'] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

export const SCHEDULE_KIND_LABELS: Record<ScheduleKind, string> = {
  now: 'Send now (launch)',
  at: 'At a time (campaign time zone)',
  recipientLocal: "At each recipient's local time",
  recurring: 'Recurring (cron)',
};

/** The wizard's schedule form. `at` is a datetime-local value (yyyy-mm-ddThh:mm) in the campaign's time zone. */
export interface ScheduleValues {
  kind: ScheduleKind;
  at: string;
  date: string;
  time: string;
  cron: string;
  /** Optional last day of a recurring campaign (yyyy-mm-dd). */
  until: string;
}

export const EMPTY_SCHEDULE: ScheduleValues = { kind: 'now', at: '', date: '', time: '09:00', cron: '0 9 * * MON', until: '' };

export type ScheduleBuild = { ok: true; body: ScheduleInput | null } | { ok: false; errors: Partial<Record<keyof ScheduleValues, string>> };

/**
 * The body of POST /{id}/schedule for the form, or the fields to fix. "now" has no schedule body (null): it launches.
 * Times are sent as typed (local, no offset): the host reads them in the campaign's time zone.
 */
export function buildScheduleBody(values: ScheduleValues): ScheduleBuild {
  switch (values.kind) {
    case 'now':
      return { ok: true, body: null };
    case 'at': {
      const at = values.at.trim();
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(at)) return { ok: false, errors: { at: 'Choose the date and time.' } };
      return { ok: true, body: { kind: 'at', at } };
    }
    case 'recipientLocal': {
      const errors: Partial<Record<keyof ScheduleValues, string>> = {};
      if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date.trim())) errors.date = 'Choose the day.';
      if (!/^\d{2}:\d{2}$/.test(values.time.trim())) errors.time = 'Choose the time (hh:mm).';
      if (Object.keys(errors).length > 0) return { ok: false, errors };
      return { ok: true, body: { kind: 'recipientLocal', date: values.date.trim(), time: values.time.trim() } };
    }
    case 'recurring': {
      const cron = values.cron.trim().replace(/\s+/g, ' ');
      const fields = cron.split(' ').length;
      if (fields < 5 || fields > 6) {
        return { ok: false, errors: { cron: 'A cron expression has 5 fields: minute hour day-of-month month day-of-week.' } };
      }
      const until = values.until.trim();
      if (until && !/^\d{4}-\d{2}-\d{2}$/.test(until)) return { ok: false, errors: { until: 'Use a day (yyyy-mm-dd).' } };
      return { ok: true, body: until ? { kind: 'recurring', cron, until: `${until}T23:59:59Z` } : { kind: 'recurring', cron } };
    }
  }
}

/** A stored schedule (`CampaignView.schedule`) in words. */
export function describeSchedule(schedule: Record<string, unknown> | null | undefined, timezone: string): string {
  if (!schedule) return 'Not scheduled';
  const kind = String(schedule.kind ?? '');
  if (kind === 'at') return `Once at ${String(schedule.at ?? '?')} (${timezone})`;
  if (kind === 'recipientLocal') return `On ${String(schedule.date ?? '?')} at ${String(schedule.time ?? '?')} in each recipient's time zone`;
  if (kind === 'recurring') {
    const until = schedule.until ? ` until ${String(schedule.until).slice(0, 10)}` : '';
    return `Recurring "${String(schedule.cron ?? '?')}" (${timezone})${until}`;
  }
  return JSON.stringify(schedule);
}
