// Pure helpers of the SEO pages: length targets, SERP truncation, score bands, rates and ETAs.

export type LengthState = 'empty' | 'below' | 'in' | 'above';

export interface LengthTarget {
  min: number;
  max: number;
}

/** What search results show well (the audit rules' default thresholds). */
export const TITLE_TARGET: LengthTarget = { min: 50, max: 60 };
export const DESCRIPTION_TARGET: LengthTarget = { min: 140, max: 160 };

/** Where a text's length falls against its target range. */
export function lengthState(length: number, target: LengthTarget): LengthState {
  if (length === 0) return 'empty';
  if (length < target.min) return 'below';
  if (length > target.max) return 'above';
  return 'in';
}

const LENGTH_WORDS: Record<LengthState, string> = { empty: 'empty', below: 'too short', in: 'in range', above: 'too long' };

/** The live counter under a field: "55 characters · target 50–60 · in range". */
export function lengthCounter(length: number, target: LengthTarget): { text: string; state: LengthState; color: 'success.main' | 'warning.main' | 'error.main' } {
  const state = lengthState(length, target);
  const text = `${length} ${length === 1 ? 'character' : 'characters'} · target ${target.min}–${target.max} · ${LENGTH_WORDS[state]}`;
  const color = state === 'in' ? 'success.main' : state === 'above' ? 'error.main' : 'warning.main';
  return { text, state, color };
}

/** Cuts a text to `max` characters (the last one an ellipsis), at a word boundary when one is near. */
export function truncateSerp(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  const body = space >= max * 0.7 ? cut.slice(0, space) : cut;
  return `${body.replace(/[\s,;:.–-]+$/, '')}…`;
}

export const SERP_TITLE_MAX = 60;
export const SERP_DESCRIPTION_MAX = 160;

/** "https://shop.example/p/ghete-iarna?x=1" → "shop.example › p › ghete-iarna" (as results show a URL). */
export function serpBreadcrumb(url: string): string {
  try {
    const parsed = new URL(url);
    const parts = parsed.pathname.split('/').filter(Boolean).map((part) => decodeURIComponent(part));
    return [parsed.host, ...parts].join(' › ');
  } catch {
    return url;
  }
}

export type ScoreBand = 'good' | 'fair' | 'poor' | 'none';

/** 90–100 good, 70–89 fair, below 70 poor (the report's distribution buckets, merged); null: not audited. */
export function scoreBand(score: number | null | undefined): ScoreBand {
  if (score === null || score === undefined) return 'none';
  if (score >= 90) return 'good';
  if (score >= 70) return 'fair';
  return 'poor';
}

const BAND_COLORS = { good: 'success', fair: 'warning', poor: 'error', none: 'default' } as const;
export type ScoreChipColor = (typeof BAND_COLORS)[ScoreBand];

export function scoreColor(score: number | null | undefined): ScoreChipColor {
  return BAND_COLORS[scoreBand(score)];
}

/** "72 → 100"; "— → 67" for a first audit. */
export function scoreChange(before: number | null | undefined, after: number): string {
  return `${before ?? '—'} → ${after}`;
}

/** Seconds left as people say it: "45 s", "3 min 20 s", "1 h 5 min"; "—" when unknown. */
export function formatEta(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '—';
  const total = Math.round(seconds);
  if (total < 1) return 'under 1 s';
  if (total < 60) return `${total} s`;
  if (total < 3600) {
    const minutes = Math.floor(total / 60);
    const rest = total % 60;
    return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
  }
  const hours = Math.floor(total / 3600);
  const minutes = Math.round((total % 3600) / 60);
  return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
}

/** "2.5 pages/s"; "—" before the first chunk. */
export function formatPagesPerSecond(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return `${rate.toFixed(rate >= 10 ? 0 : 1)} pages/s`;
}

/** Share of a run done, 0–100 (0 before the total is known). */
export function progressPercent(done: number, failed: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.round(((done + failed) / total) * 100));
}

export const SEVERITY_ORDER = ['critical', 'high', 'low'] as const;

/** Findings grouped by severity, most severe first; unknown severities last. */
export function groupBySeverity<T extends { severity: string }>(findings: readonly T[]): { severity: string; items: T[] }[] {
  const order = [...SEVERITY_ORDER, ...new Set(findings.map((f) => f.severity).filter((s) => !(SEVERITY_ORDER as readonly string[]).includes(s)))];
  return order
    .map((severity) => ({ severity, items: findings.filter((f) => f.severity === severity) }))
    .filter((group) => group.items.length > 0);
}

export const SEVERITY_COLORS: Record<string, 'error' | 'warning' | 'info' | 'default'> = { critical: 'error', high: 'warning', low: 'info' };

/** Bytes as "12.3 KB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
