import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  ATTRIBUTION_GROUP_BYS,
  ATTRIBUTION_MODELS,
  type AttributionGroupBy,
  type AttributionModel,
} from '../../api/types';
import { applyParamChanges, oneOf, positiveInt } from '../../lib/searchParams';

export const LOOKBACK_OPTIONS = [1, 7, 14, 30, 60, 90, 180, 365] as const;
export const DEFAULT_LOOKBACK = 30;
export const DEFAULT_MODEL: AttributionModel = 'last_touch';
export const METRICS = ['conversions', 'value'] as const;
export type CreditMetric = (typeof METRICS)[number];

export interface AttributionSettingsParams {
  model: AttributionModel;
  groupBy: AttributionGroupBy;
  lookbackDays: number;
  metric: CreditMetric;
}

const DEFAULTS = { model: DEFAULT_MODEL, groupBy: 'channel', lookbackDays: DEFAULT_LOOKBACK, metric: 'value' } as const;

export function readAttributionParams(params: URLSearchParams): AttributionSettingsParams {
  return {
    model: oneOf(params.get('model'), ATTRIBUTION_MODELS) || DEFAULTS.model,
    groupBy: oneOf(params.get('groupBy'), ATTRIBUTION_GROUP_BYS) || DEFAULTS.groupBy,
    lookbackDays: positiveInt(params.get('lookbackDays'), DEFAULTS.lookbackDays, 365),
    metric: oneOf(params.get('metric'), METRICS) || DEFAULTS.metric,
  };
}

/** The attribution page's model, grouping, lookback and metric live in the URL beside the period. */
export function useAttributionParams() {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const settings = useMemo(() => readAttributionParams(new URLSearchParams(key)), [key]);
  const update = useCallback(
    (changes: Partial<AttributionSettingsParams>) =>
      setParams((current) => applyParamChanges(current, changes, DEFAULTS), { replace: true }),
    [setParams],
  );
  return { settings, update };
}
