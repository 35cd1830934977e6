import { api, cleanQuery, unwrap } from '../client';
import type { components } from '../schema';
import type {
  AnalyticsSettings,
  AnalyticsSettingsInput,
  AttributionQuery,
  BenchmarkInput,
  BenchmarkView,
  CohortsView,
  DashboardView,
  FunnelQuery,
  FunnelView,
  InsightsView,
  InsightState,
  PeriodQuery,
  RollupRun,
  TrackedAttribution,
} from '../types';

/** KPIs for the days [from, to] (default: the last 30), with the change against the period before. */
export function getDashboard(query: PeriodQuery): Promise<DashboardView> {
  return unwrap(api.http.GET('/api/v1/marketing/analytics/dashboard', { params: { query: cleanQuery(query) } }));
}

/** The same view, filtered to one channel (400 for an unknown channel). */
export function getChannelRoi(channel: string, query: PeriodQuery): Promise<DashboardView> {
  return unwrap(
    api.http.GET('/api/v1/marketing/analytics/roi/{channel}', { params: { path: { channel }, query: cleanQuery(query) } }),
  );
}

/** Credit for the tracked conversions of [from, to) under the models asked for (all when `model` is empty). */
export function getAttribution(query: AttributionQuery): Promise<TrackedAttribution> {
  return unwrap(api.http.GET('/api/v1/marketing/analytics/attribution', { params: { query: cleanQuery(query) } }));
}

export function getAnalyticsSettings(): Promise<AnalyticsSettings> {
  return unwrap(api.http.GET('/api/v1/marketing/analytics/settings'));
}

const UNCHANGED_SETTINGS: AnalyticsSettingsInput = { model: null, lookbackDays: null, currency: null, conversionEvents: null, channelRules: null };

/**
 * Only the fields given change (the others are sent as null: unchanged); a new model, window or conversion list
 * rebuilds the rollup in the background.
 */
export function updateAnalyticsSettings(changes: Partial<AnalyticsSettingsInput>): Promise<AnalyticsSettings> {
  return unwrap(api.http.PUT('/api/v1/marketing/analytics/settings', { body: { ...UNCHANGED_SETTINGS, ...changes } }));
}

/** Brings the daily rollup up to date now. */
export function runRollup(): Promise<RollupRun> {
  return unwrap(api.http.POST('/api/v1/marketing/analytics/rollup'));
}

/**
 * What deserves attention in the days [from, to]: anomalies, declines, growth, unprofitable spend, under-spent budgets,
 * fatigued segments, failing providers.
 */
export function getInsights(query: PeriodQuery & { all?: boolean }): Promise<InsightsView> {
  return unwrap(api.http.GET('/api/v1/marketing/analytics/insights', { params: { query: cleanQuery(query) } }));
}

/** Dismisses an insight or marks it done (out of the feed for 30 days), or opens it again. */
export async function setInsightState(key: string, state: InsightState): Promise<void> {
  await unwrap(api.http.PUT('/api/v1/marketing/analytics/insights/state', { body: { key, state } }));
}

/** Visitors reaching each step in order, overall and per channel of their first visit. */
export function getFunnel(query: FunnelQuery): Promise<FunnelView> {
  return unwrap(api.http.GET('/api/v1/marketing/analytics/funnel', { params: { query: cleanQuery(query) } }));
}

/** Customers by first-purchase month: retention and revenue in each month after (the last `months` cohorts). */
export function getCohorts(months: number): Promise<CohortsView> {
  return unwrap(api.http.GET('/api/v1/marketing/analytics/cohorts', { params: { query: { months } } }));
}

/** The channel's metrics in the days [from, to], each rated against the tenant's industry bands (or its own). */
export async function getBenchmarks(channel: string, query: PeriodQuery): Promise<BenchmarkView> {
  return (await unwrap(
    api.http.GET('/api/v1/marketing/analytics/benchmarks/{channel}', { params: { path: { channel }, query: cleanQuery(query) } }),
  )) as BenchmarkView;
}

/** Sets the industry and the channel's own bands (analytics:manage); 400 field by field (`metrics.roas`). */
export async function updateBenchmarks(channel: string, body: BenchmarkInput): Promise<void> {
  await unwrap(
    api.http.PUT('/api/v1/marketing/analytics/benchmarks/{channel}', {
      params: { path: { channel } },
      // A null metric restores the shipped bands; the document does not allow null values in the map.
      body: body as components['schemas']['BenchmarkRequest'],
    }),
  );
}
