import { useId } from 'react';
import { Card, CardContent, Skeleton, Typography } from '@mui/material';
import { ChangeIndicator } from './ChangeIndicator';

interface KpiCardProps {
  label: string;
  value: string;
  change?: number | null;
  /** The previous period's value, formatted. */
  previous?: string;
  /** False for costs: a rise is shown as bad. */
  higherIsBetter?: boolean;
  loading?: boolean;
}

/** One KPI with its change against the previous period; a region named after the KPI. */
export function KpiCard({ label, value, change, previous, higherIsBetter = true, loading }: KpiCardProps) {
  const id = useId();
  return (
    <Card variant="outlined" component="section" aria-labelledby={id} sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="body2" color="text.secondary" component="h3" id={id}>
          {label}
        </Typography>
        <Typography variant="h5" component="p" sx={{ mt: 1, overflowWrap: 'break-word' }}>
          {loading ? <Skeleton width={100} /> : value}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          {loading ? <Skeleton width={60} /> : <ChangeIndicator change={change} higherIsBetter={higherIsBetter} />}
          {!loading && previous !== undefined ? ` · was ${previous}` : null}
        </Typography>
      </CardContent>
    </Card>
  );
}
