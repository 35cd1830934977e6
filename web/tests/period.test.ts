import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayCount,
  formatDayRange,
  periodInstants,
  periodParams,
  presetPeriod,
  readPeriod,
} from '../src/modules/analytics/period';

const today = new Date(2026, 10, 30, 15, 0); // 30 Nov 2026, local

describe('period presets', () => {
  it('are the last N days, today included', () => {
    expect(presetPeriod(7, today)).toEqual({ preset: 7, from: '2026-11-24', to: '2026-11-30' });
    expect(presetPeriod(30, today)).toEqual({ preset: 30, from: '2026-11-01', to: '2026-11-30' });
    expect(presetPeriod(90, today)).toEqual({ preset: 90, from: '2026-09-02', to: '2026-11-30' });
    expect(dayCount('2026-09-02', '2026-11-30')).toBe(90);
  });

  it('are read from the URL: a valid custom range wins, then a known preset, else 30 days', () => {
    expect(readPeriod(new URLSearchParams('period=7'), today)).toMatchObject({ preset: 7, from: '2026-11-24' });
    expect(readPeriod(new URLSearchParams('from=2026-10-01&to=2026-10-31&period=7'), today)).toEqual({
      preset: 'custom',
      from: '2026-10-01',
      to: '2026-10-31',
    });
    expect(readPeriod(new URLSearchParams('from=2026-10-31&to=2026-10-01'), today).preset).toBe(30);
    expect(readPeriod(new URLSearchParams('period=365'), today).preset).toBe(30);
    expect(readPeriod(new URLSearchParams(''), today).preset).toBe(30);
  });

  it('are written to the URL without the default', () => {
    expect(periodParams(presetPeriod(30, today))).toEqual({ period: '', from: '', to: '' });
    expect(periodParams(presetPeriod(90, today))).toEqual({ period: '90', from: '', to: '' });
    expect(periodParams({ preset: 'custom', from: '2026-10-01', to: '2026-10-31' })).toEqual({
      period: '',
      from: '2026-10-01',
      to: '2026-10-31',
    });
  });

  it('cross months and years in calendar days', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('become [start of the first day, start of the day after the last) for the attribution endpoint', () => {
    const { from, to } = periodInstants({ from: '2026-11-01', to: '2026-11-30' });
    expect(new Date(from).getTime()).toBe(new Date(2026, 10, 1).getTime());
    expect(new Date(to).getTime()).toBe(new Date(2026, 11, 1).getTime());
  });
});

describe('the comparison label', () => {
  // ICU versions differ in the spaces around the dash (none, thin or plain): compare without them.
  const label = (from: string, to: string) => formatDayRange(from, to, 'en-GB', 2026).replace(/\s*–\s*/gu, '–').replace(/\s/gu, ' ');

  it('is short within the current year and names the years otherwise', () => {
    expect(label('2026-10-01', '2026-10-30')).toBe('1–30 Oct');
    expect(label('2026-09-28', '2026-10-04')).toMatch(/^28 Sept?–4 Oct$/);
    expect(label('2025-12-28', '2026-01-03')).toBe('28 Dec 2025–3 Jan 2026');
    expect(label('2026-10-05', '2026-10-05')).toBe('5 Oct');
  });
});
