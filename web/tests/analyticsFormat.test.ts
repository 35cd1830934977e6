import { describe, expect, it } from 'vitest';
import {
  describeChange,
  formatChangePercent,
  formatCredit,
  formatMoney,
  formatRate,
  formatRatio,
  formatShare,
} from '../src/modules/analytics/kpiFormat';

describe('the change against the previous period', () => {
  it('is an arrow, a one-decimal percentage and words for screen readers', () => {
    expect(describeChange(0.25)).toEqual({ text: '▲ 25.0%', label: 'up 25.0% on the previous period', tone: 'positive' });
    expect(describeChange(-0.105)).toEqual({ text: '▼ 10.5%', label: 'down 10.5% on the previous period', tone: 'negative' });
    expect(describeChange(1.6667).text).toBe('▲ 166.7%');
    expect(formatChangePercent(12.5)).toBe('1,250.0%');
  });

  it('reads a rising cost as bad and a falling one as good', () => {
    expect(describeChange(0.4, false).tone).toBe('negative');
    expect(describeChange(-0.4, false).tone).toBe('positive');
  });

  it('is a dash when there was nothing before (null) and neutral when unchanged', () => {
    expect(describeChange(null)).toEqual({ text: '—', label: 'no previous period to compare with', tone: 'neutral' });
    expect(describeChange(undefined).text).toBe('—');
    expect(describeChange(0)).toMatchObject({ text: '0.0%', tone: 'neutral' });
    expect(describeChange(0.00004)).toMatchObject({ text: '0.0%', tone: 'neutral' });
  });
});

describe('KPI values', () => {
  it('show ratios the API could not compute as a dash', () => {
    expect(formatRatio(null)).toBe('—');
    expect(formatMoney(null, 'RON')).toBe('—');
    expect(formatRate(null)).toBe('—');
    expect(formatCredit(undefined)).toBe('—');
  });

  it('format money with the currency code, ratios as multiples and rates as percentages', () => {
    expect(formatMoney(1234.5, 'RON', 'en-US')).toBe('RON\u00a01,234.50');
    expect(formatMoney(10, '', 'en-US')).toBe('10.00 ');
    expect(formatRatio(4, 'en-US')).toBe('4.00×');
    expect(formatRate(0.1234, 'en-US')).toBe('12.3%');
    expect(formatCredit(0.33333, 'en-US')).toBe('0.33');
    expect(formatShare(1, 4, 'en-US')).toBe('25.0%');
    expect(formatShare(1, 0)).toBe('—');
  });
});
