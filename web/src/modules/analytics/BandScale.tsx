import { Box, useTheme } from '@mui/material';
import type { BenchmarkBands } from '../../api/types';
import { bandPosition } from './benchmarkData';

/** Four equal segments poor → excellent (better to the right) with a marker where the value sits; decorative, the row says it in words. */
export function BandScale({ value, bands }: { value: number | null; bands: BenchmarkBands }) {
  const theme = useTheme();
  const colors = [theme.palette.error.main, theme.palette.warning.main, theme.palette.info.main, theme.palette.success.main];
  const position = value === null ? null : bandPosition(value, bands);
  return (
    <Box aria-hidden sx={{ position: 'relative', width: 160, height: 14, display: 'flex', alignItems: 'center' }}>
      {colors.map((color) => (
        <Box key={color} sx={{ flex: 1, height: 6, bgcolor: color, opacity: 0.45, '&:first-of-type': { borderRadius: '3px 0 0 3px' }, '&:last-of-type': { borderRadius: '0 3px 3px 0' } }} />
      ))}
      {position === null ? null : (
        <Box
          sx={{
            position: 'absolute',
            left: `calc(${(position * 100).toFixed(1)}% - 2px)`,
            top: 0,
            width: 4,
            height: 14,
            borderRadius: 1,
            bgcolor: 'text.primary',
          }}
        />
      )}
    </Box>
  );
}
