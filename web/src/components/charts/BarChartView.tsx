import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTheme } from '@mui/material';
import { seriesColors, type ChartDatum, type ChartSeries } from './chartSeries';

interface BarChartViewProps {
  /** Read by screen readers as the chart's name; the table view carries the numbers. */
  title: string;
  data: ChartDatum[];
  categoryKey: string;
  categoryLabel?: (value: string) => string;
  series: ChartSeries[];
  format: (value: number) => string;
  /** Makes each bar clickable (the table view offers the same as links). */
  onSelect?: (row: ChartDatum) => void;
}

/** Vertical bars per category, one colour per series. */
export function BarChartView({ title, data, categoryKey, categoryLabel, series, format, onSelect }: BarChartViewProps) {
  const theme = useTheme();
  const colors = seriesColors(theme);
  const axisColor = theme.palette.text.secondary;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} title={title} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} />
        <XAxis
          dataKey={categoryKey}
          tickFormatter={(value: string) => (categoryLabel ? categoryLabel(value) : value)}
          tick={{ fill: axisColor, fontSize: 12 }}
          interval={0}
        />
        <YAxis tickFormatter={(value: number) => format(value)} tick={{ fill: axisColor, fontSize: 12 }} width={90} />
        <Tooltip
          formatter={(value) => (typeof value === 'number' ? format(value) : String(value ?? '—'))}
          labelFormatter={(label) => (categoryLabel ? categoryLabel(String(label)) : String(label))}
          contentStyle={{ background: theme.palette.background.paper, color: theme.palette.text.primary }}
        />
        {series.length > 1 ? <Legend /> : null}
        {series.map((s, index) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            fill={colors[index % colors.length]}
            cursor={onSelect ? 'pointer' : undefined}
            onClick={onSelect ? (entry) => onSelect(entry.payload as ChartDatum) : undefined}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
