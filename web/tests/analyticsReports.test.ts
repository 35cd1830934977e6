import { describe, expect, it } from 'vitest';
import type { BenchmarkBands, Cohort, FunnelView } from '../src/api/types';
import { bandPosition, formatMetric, fromEditorValue, rateValue, toEditorValue } from '../src/modules/analytics/benchmarkData';
import { cellIntensity, cohortColumnCount, cohortMonthLabel, cohortScaleMax, cohortValues } from '../src/modules/analytics/cohortData';
import { funnelChannels, funnelRow, funnelSteps } from '../src/modules/analytics/funnelData';
import { countBySeverity, formatInsightImpact } from '../src/modules/analytics/insightsData';

describe('an insight impact', () => {
  it('is money in the dashboard currency, signed', () => {
    expect(formatInsightImpact({ kind: 'anomaly', metric: 'revenue', impact: -1200 }, 'RON', 'en-US')).toBe('−RON\u00a01,200.00');
    expect(formatInsightImpact({ kind: 'growth', metric: 'revenue', impact: 300.5 }, 'EUR', 'en-US')).toBe('+EUR\u00a0300.50');
    expect(formatInsightImpact({ kind: 'unprofitable_spend', metric: 'roas', impact: 0 }, 'RON', 'en-US')).toBe('RON\u00a00.00');
  });

  it('is a count of messages for a failing provider, and of visits or conversions for their anomalies', () => {
    expect(formatInsightImpact({ kind: 'failing_provider', metric: 'failed', impact: -42 }, 'RON', 'en-US')).toBe('42 failed messages');
    expect(formatInsightImpact({ kind: 'failing_provider', metric: 'failed', impact: -1 }, 'RON', 'en-US')).toBe('1 failed message');
    expect(formatInsightImpact({ kind: 'anomaly', metric: 'sessions', impact: -120.4 }, 'RON', 'en-US')).toBe('−120 sessions');
  });

  it('is opens lost for a fatigued segment, and the money left for an under-spent budget', () => {
    expect(formatInsightImpact({ kind: 'fatigued_segment', metric: 'open_rate', impact: -36 }, 'RON', 'en-US')).toBe('−36 opens');
    expect(formatInsightImpact({ kind: 'fatigued_segment', metric: 'open_rate', impact: -1 }, 'RON', 'en-US')).toBe('−1 open');
    expect(formatInsightImpact({ kind: 'under_spent_budget', metric: 'budget', impact: 950 }, 'RON', 'en-US')).toBe('+RON\u00a0950.00');
  });

  it('are counted per severity', () => {
    expect(countBySeverity([{ severity: 'critical' }, { severity: 'warning' }, { severity: 'warning' }])).toEqual({ critical: 1, warning: 2, info: 0 });
  });
});

const funnel: FunnelView = {
  from: '2026-11-01',
  to: '2026-11-30',
  steps: ['page_view', 'add_to_cart', 'begin_checkout', 'purchase'],
  overall: { channel: 'all', counts: [4, 2, 1, 1], rates: [1, 0.5, 0.5, 1], conversion: 0.25 },
  channels: [
    { channel: 'direct', counts: [1, 0, 0, 0], rates: [1, 0, null, null], conversion: 0 },
    { channel: 'email', counts: [3, 2, 1, 1], rates: [1, 0.6667, 0.5, 1], conversion: 0.3333 },
  ],
};

describe('a funnel', () => {
  it('reads the overall row or a channel', () => {
    expect(funnelRow(funnel, 'all')).toBe(funnel.overall);
    expect(funnelRow(funnel, 'email')?.counts).toEqual([3, 2, 1, 1]);
    expect(funnelRow(funnel, 'sms')).toBeNull();
  });

  it('gives each step its count, the rate from the step before and the share of the first', () => {
    const steps = funnelSteps(funnel.steps, funnel.channels[1]);
    expect(steps.map((s) => s.count)).toEqual([3, 2, 1, 1]);
    expect(steps[1]).toMatchObject({ step: 'add_to_cart', rate: 0.6667 });
    expect(steps[3].ofFirst).toBeCloseTo(1 / 3);
    expect(funnelSteps(funnel.steps, funnel.channels[0])[2].rate).toBeNull();
  });

  it('offers the channels with the most visitors first', () => {
    expect(funnelChannels(funnel)).toEqual(['email', 'direct']);
  });
});

const cohorts: Cohort[] = [
  { month: '2026-05', customers: 10, retention: [1, 0.3, 0.2], revenue: [1000, 300, 150] },
  { month: '2026-06', customers: 4, retention: [1, 0.5], revenue: [400, 90] },
];

describe('cohorts', () => {
  it('have as many columns as the oldest cohort has months, later months empty', () => {
    expect(cohortColumnCount(cohorts)).toBe(3);
    expect(cohortValues(cohorts[1], 'retention', 3)).toEqual([1, 0.5, null]);
    expect(cohortValues(cohorts[0], 'revenue', 3)).toEqual([1000, 300, 150]);
  });

  it('scale retention without month 0 (always 100%) and revenue over every month', () => {
    expect(cohortScaleMax(cohorts, 'retention')).toBe(0.5);
    expect(cohortScaleMax(cohorts, 'revenue')).toBe(1000);
    expect(cellIntensity(0.25, 0.5)).toBe(0.5);
    expect(cellIntensity(1, 0.5)).toBe(1);
    expect(cellIntensity(null, 0.5)).toBe(0);
    expect(cellIntensity(3, 0)).toBe(0);
  });

  it('name a month', () => {
    expect(cohortMonthLabel('2026-06', 'en-US')).toBe('Jun 2026');
  });
});

describe('benchmark bands', () => {
  const roas: BenchmarkBands = { average: 2, good: 4, excellent: 6, higherIsBetter: true };
  const cpa: BenchmarkBands = { average: 100, good: 60, excellent: 30, higherIsBetter: false };

  it('rate a value as the host does', () => {
    expect([1, 2, 4.5, 6].map((v) => rateValue(v, roas))).toEqual(['poor', 'average', 'good', 'excellent']);
    expect([120, 100, 50, 30].map((v) => rateValue(v, cpa))).toEqual(['poor', 'average', 'good', 'excellent']);
  });

  it('place a value on four equal segments, better to the right, a cost the other way', () => {
    expect(bandPosition(0, roas)).toBe(0);
    expect(bandPosition(2, roas)).toBe(0.25);
    expect(bandPosition(3, roas)).toBe(0.375);
    expect(bandPosition(6, roas)).toBe(0.75);
    expect(bandPosition(100, roas)).toBe(1);
    expect(bandPosition(100, cpa)).toBe(0.25);
    expect(bandPosition(60, cpa)).toBe(0.5);
    expect(bandPosition(30, cpa)).toBe(0.75);
    expect(bandPosition(0, cpa)).toBe(1);
    expect(bandPosition(500, cpa)).toBe(0);
  });

  it('write each metric in its unit', () => {
    expect(formatMetric('roas', 4, 'RON')).toBe('4.00×');
    expect(formatMetric('conversionRate', 0.032, 'RON')).toMatch(/^3\.2\s?%$/);
    expect(formatMetric('cpa', 50, 'RON')).toContain('50.00');
    expect(formatMetric('cac', null, 'RON')).toBe('—');
  });
});

describe('the bands editor', () => {
  it('shows rates in percent and sends them back as shares', () => {
    expect(toEditorValue('conversionRate', 0.025)).toBe('2.5');
    expect(fromEditorValue('conversionRate', '2,5')).toBe(0.025);
    expect(toEditorValue('roas', 4)).toBe('4');
    expect(fromEditorValue('cpa', ' 60 ')).toBe(60);
    expect(fromEditorValue('roas', '')).toBeNull();
    expect(fromEditorValue('roas', 'abc')).toBeNull();
  });
});
