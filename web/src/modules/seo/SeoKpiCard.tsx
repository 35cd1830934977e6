import { useId } from 'react';
import { Card, CardContent, Skeleton, Typography } from '@mui/material';

interface Props {
  label: string;
  value: string;
  detail?: string;
  loading?: boolean;
}

/** One number of the report; a region named after it. */
export function SeoKpiCard({ label, value, detail, loading }: Props) {
  const id = useId();
  return (
    <Card variant="outlined" component="section" aria-labelledby={id} sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="body2" color="text.secondary" component="h3" id={id}>
          {label}
        </Typography>
        <Typography variant="h5" component="p" sx={{ mt: 1 }}>
          {loading ? <Skeleton width={80} /> : value}
        </Typography>
        {detail && !loading ? (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
            {detail}
          </Typography>
        ) : null}
      </CardContent>
    </Card>
  );
}
