import { describe, expect, it } from 'vitest';
import { csvCell, csvFileName, toCsv } from '../src/lib/csv';

describe('CSV export', () => {
  it('writes a header and one row per item, quoting only what needs it', () => {
    const rows = [
      { channel: 'paid_search', revenue: 300, roas: 3 },
      { channel: 'email, "newsletter"', revenue: 100.5, roas: null },
    ];
    const csv = toCsv(rows, [
      { label: 'Channel', value: (r) => r.channel },
      { label: 'Revenue (RON)', value: (r) => r.revenue },
      { label: 'ROAS', value: (r) => r.roas },
    ]);
    expect(csv).toBe('Channel,Revenue (RON),ROAS\r\npaid_search,300,3\r\n"email, ""newsletter""",100.5,\r\n');
  });

  it('defuses text a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+40')).toBe("'+40");
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
  });

  it('names the file after the chart and the period', () => {
    expect(csvFileName('Revenue by channel', ' 2026-11-01 2026-11-30')).toBe('revenue-by-channel-2026-11-01-2026-11-30.csv');
    expect(csvFileName('', '')).toBe('export.csv');
  });
});
