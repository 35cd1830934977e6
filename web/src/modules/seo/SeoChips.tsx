import { Chip } from '@mui/material';
import { humanize } from '../../lib/format';
import { SEVERITY_COLORS, scoreBand, scoreColor } from './seoFormat';

const BAND_WORDS = { good: 'good', fair: 'needs work', poor: 'poor', none: 'not audited' } as const;

/** A page's score in its band's colour; the accessible name carries the band, not the colour alone. */
export function ScoreChip({ score }: { score: number | null | undefined }) {
  const band = scoreBand(score);
  return (
    <Chip
      size="small"
      color={scoreColor(score)}
      variant={band === 'none' ? 'outlined' : 'filled'}
      label={score ?? '—'}
      aria-label={band === 'none' ? 'Not audited' : `Score ${score}, ${BAND_WORDS[band]}`}
      sx={{ minWidth: 44, fontWeight: 600 }}
    />
  );
}

export function SeverityChip({ severity }: { severity: string }) {
  return <Chip size="small" variant="outlined" color={SEVERITY_COLORS[severity] ?? 'default'} label={humanize(severity)} />;
}
