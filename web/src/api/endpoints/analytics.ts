import { api, cleanQuery, unwrap } from '../client';
import type {
  AnalyticsSettings,
  AnalyticsSettingsInput,
  AttributionQuery,
  DashboardView,
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
