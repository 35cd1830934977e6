// Reading and writing list filters in the URL's query string, so every filtered view can be bookmarked and shared.

/** `value` when it is one of `allowed`, else ''. */
export function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | '' {
  return value && (allowed as readonly string[]).includes(value) ? (value as T) : '';
}

/** A positive whole number (capped at `max`), else `fallback`. */
export function positiveInt(value: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? Math.min(n, max) : fallback;
}

/** A yyyy-mm-dd day, else ''. */
export function isoDay(value: string | null): string {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '';
}

/**
 * The query string after `changes`: empty values and values equal to their default are dropped, and any change
 * other than `page` returns to the first page.
 */
export function applyParamChanges(
  current: URLSearchParams,
  changes: Record<string, string | number | undefined | null>,
  defaults: Record<string, string | number> = {},
): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === null || value === '' || String(defaults[key]) === String(value)) next.delete(key);
    else next.set(key, String(value));
  }
  if (!('page' in changes)) next.delete('page');
  return next;
}
