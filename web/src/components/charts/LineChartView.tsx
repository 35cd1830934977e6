import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTheme } from '@mui/material';
import { seriesColors, type ChartDatum, type ChartSeries } from './chartSeries';

interface LineChartViewProps {
  title: string;
  data: ChartDatum[];
  xKey: string;
  xLabel?: (value: string) => string;
  series: ChartSeries[];
  /** Formats the left axis' values (and its series in the tooltip). */
  format: (value: number) => string;
  /** Formats the right axis' values, when a series uses it. */
  formatRight?: (value: number) => string;
}

/** Lines over time; a missing value (null) leaves a gap instead of drawing a zero. */
export function LineChartView({ title, data, xKey, xLabel, series, format, formatRight }: LineChartViewProps) {
  const theme = useTheme();
  const colors = seriesColors(theme);
  const axisColor = theme.palette.text.secondary;
  const hasRight = series.some((s) => s.axis === 'right');
  const rightOf = new Set(series.filter((s) => s.axis === 'right').map((s) => s.label));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} title={title} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} />
        <XAxis
          dataKey={xKey}
          tickFormatter={(value: string) => (xLabel ? xLabel(value) : value)}
          tick={{ fill: axisColor, fontSize: 12 }}
          minTickGap={16}
        />
        <YAxis yAxisId="left" tickFormatter={(value: number) => format(value)} tick={{ fill: axisColor, fontSize: 12 }} width={90} />
        {hasRight ? (
          <YAxis
            yAxisId="right"
            orientation="right"
            tickFormatter={(value: number) => (formatRight ?? format)(value)}
            tick={{ fill: axisColor, fontSize: 12 }}
            width={90}
          />
        ) : null}
        <Tooltip
          formatter={(value, name) =>
            typeof value === 'number' ? (rightOf.has(String(name)) && formatRight ? formatRight(value) : format(value)) : '—'
          }
          labelFormatter={(label) => (xLabel ? xLabel(String(label)) : String(label))}
          contentStyle={{ background: theme.palette.background.paper, color: theme.palette.text.primary }}
        />
        <Legend />
        {series.map((s, index) => (
          <Line
            key={s.key}
            yAxisId={s.axis ?? 'left'}
            type="linear"
            dataKey={s.key}
            name={s.label}
            stroke={colors[index % colors.length]}
            strokeWidth={2}
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
