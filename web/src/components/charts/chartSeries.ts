import type { Theme } from '@mui/material';

export interface ChartSeries {
  /** The data key of the series' values. */
  key: string;
  label: string;
  /** Values axis: left (default) or right, for two units on one chart. */
  axis?: 'left' | 'right';
}

/** Series colours from the theme, distinct in light and dark mode. */
export function seriesColors(theme: Theme): string[] {
  const { palette } = theme;
  return [palette.primary.main, palette.warning.main, palette.success.main, palette.secondary.main, palette.info.main, palette.error.main];
}

/** One point or bar group of a chart: the category (or day) and each series' value (null: no value, a gap). */
export type ChartDatum = Record<string, string | number | null>;
