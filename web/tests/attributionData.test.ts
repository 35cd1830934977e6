import { describe, expect, it } from 'vitest';
import type { TrackedAttribution } from '../src/api/types';
import { attributionKeys, modelComparison, modelSplit, sumCredits } from '../src/modules/analytics/attributionData';
import { readAttributionParams } from '../src/modules/analytics/attributionParams';

const view: TrackedAttribution = {
  from: '2026-11-01T00:00:00Z',
  to: '2026-12-01T00:00:00Z',
  groupBy: 'channel',
  lookbackDays: 30,
  currency: 'RON',
  models: {
    first_touch: { email: { conversions: 2, value: 300 }, paid_search: { conversions: 1, value: 100 } },
    last_touch: { paid_search: { conversions: 3, value: 400 } },
    markov: { email: { conversions: 1.3333, value: 177.78 }, paid_search: { conversions: 1.6667, value: 222.22 } },
  },
  removalEffects: { email: 0.4, paid_search: 0.5 },
  totals: { conversions: 3, value: 400, nulls: 5 },
  assistedConversions: { email: 2, direct: 1 },
  shapley: null,
};

describe('a model split', () => {
  it('lists every key, biggest credit first, with shares of the model total', () => {
    const rows = modelSplit(view, 'first_touch');
    expect(rows.map((r) => r.key)).toEqual(['email', 'paid_search', 'direct']);
    expect(rows[0]).toMatchObject({ conversions: 2, value: 300, valueShare: 0.75, assisted: 2, removalEffect: null });
    expect(rows[2]).toMatchObject({ conversions: 0, value: 0, valueShare: 0, assisted: 1 });
    expect(modelSplit(view, 'last_touch')[0]).toMatchObject({ key: 'paid_search', conversionShare: 1 });
  });

  it('carries the removal effects for Markov', () => {
    expect(modelSplit(view, 'markov').find((r) => r.key === 'email')?.removalEffect).toBe(0.4);
  });

  it('adds back up to the totals', () => {
    expect(sumCredits(view.models.markov)).toEqual({ conversions: 3, value: 400 });
    expect(sumCredits({})).toEqual({ conversions: 0, value: 0 });
  });
});

describe('the model comparison', () => {
  it('shows how credit moves against last touch', () => {
    const rows = modelComparison(view, ['first_touch', 'last_touch', 'markov'], 'value');
    const email = rows.find((r) => r.key === 'email')!;
    expect(email.credit).toEqual({ first_touch: 300, last_touch: 0, markov: 177.78 });
    expect(email.difference).toEqual({ first_touch: 300, last_touch: 0, markov: 177.78 });
    const paid = rows.find((r) => r.key === 'paid_search')!;
    expect(paid.difference).toEqual({ first_touch: -300, last_touch: 0, markov: -177.78 });
    expect(rows[0].key).toBe('paid_search');
    expect(attributionKeys(view)).toEqual(['direct', 'email', 'paid_search']);
  });
});

describe('attribution settings in the URL', () => {
  it('default to last touch by channel over 30 days, ignoring unknown values', () => {
    expect(readAttributionParams(new URLSearchParams('model=magic&groupBy=planet&lookbackDays=-3'))).toEqual({
      model: 'last_touch',
      groupBy: 'channel',
      lookbackDays: 30,
      metric: 'value',
    });
    expect(readAttributionParams(new URLSearchParams('model=shapley&groupBy=source&lookbackDays=900&metric=conversions'))).toEqual({
      model: 'shapley',
      groupBy: 'source',
      lookbackDays: 365,
      metric: 'conversions',
    });
  });
});
