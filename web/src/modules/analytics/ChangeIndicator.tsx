import { Typography } from '@mui/material';
import { describeChange } from './kpiFormat';

const TONE_COLOR = { positive: 'success.main', negative: 'error.main', neutral: 'text.secondary' } as const;

/** "▲ 25.0%" in green (or red when a cost rose); screen readers hear "up 25.0% on the previous period". */
export function ChangeIndicator({ change, higherIsBetter = true }: { change: number | null | undefined; higherIsBetter?: boolean }) {
  const display = describeChange(change, higherIsBetter);
  return (
    <Typography component="span" variant="body2" sx={{ color: TONE_COLOR[display.tone], fontWeight: 500 }}>
      <span aria-hidden="true">{display.text}</span>
      <span className="visually-hidden">{display.label}</span>
    </Typography>
  );
}
