// How the analytics pages write numbers: money in the reporting currency, ratios, shares and the change against the
// previous period. Every ratio the API cannot compute (a zero denominator) arrives as null and is shown as "—".

const DASH = '—';

export type ChangeTone = 'positive' | 'negative' | 'neutral';

export interface ChangeDisplay {
  /** Visible text: "▲ 25.0%", "▼ 10.5%", "0.0%" or "—". */
  text: string;
  /** What a screen reader says: "up 25.0% on the previous period". */
  label: string;
  tone: ChangeTone;
}

/** The relative change 0.25 → "25.0%" (absolute, one decimal; thousands grouped). */
export function formatChangePercent(change: number): string {
  return `${new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.abs(change) * 100)}%`;
}

/**
 * The change of a KPI against the previous period. `higherIsBetter` is false for costs (spend, CPA, CAC): going up is
 * then shown as bad. Colour is never the only signal: the arrow and the words carry the direction.
 */
export function describeChange(change: number | null | undefined, higherIsBetter = true): ChangeDisplay {
  if (change === null || change === undefined || !Number.isFinite(change)) {
    return { text: DASH, label: 'no previous period to compare with', tone: 'neutral' };
  }
  const percent = formatChangePercent(change);
  if (percent === '0.0%') return { text: percent, label: 'unchanged from the previous period', tone: 'neutral' };
  const up = change > 0;
  return {
    text: `${up ? '▲' : '▼'} ${percent}`,
    label: `${up ? 'up' : 'down'} ${percent} on the previous period`,
    tone: up === higherIsBetter ? 'positive' : 'negative',
  };
}

/** 1234.5 + "RON" → "RON 1,234.50" (the user's locale); null → "—". */
export function formatMoney(value: number | null | undefined, currency: string, locale?: string): string {
  if (value === null || value === undefined) return DASH;
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'code' }).format(value);
  } catch {
    return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)} ${currency}`;
  }
}

/** ROAS / ROI as a multiple: 4 → "4.00×"; null → "—". */
export function formatRatio(value: number | null | undefined, locale?: string): string {
  if (value === null || value === undefined) return DASH;
  return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)}×`;
}

/** A rate 0.1234 → "12.3%"; null → "—". */
export function formatRate(value: number | null | undefined, locale?: string): string {
  if (value === null || value === undefined) return DASH;
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

/** Conversions are credited in fractions (up to 4 decimals): 2 → "2", 0.3333 → "0.33". */
export function formatCredit(value: number | null | undefined, locale?: string): string {
  if (value === null || value === undefined) return DASH;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** `part` as a share of `whole`: "25.0%"; "—" when the whole is 0. */
export function formatShare(part: number, whole: number, locale?: string): string {
  if (!whole) return DASH;
  return formatRate(part / whole, locale);
}
