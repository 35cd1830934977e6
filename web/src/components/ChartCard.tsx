import { useId, useState, type ReactNode } from 'react';
import { Box, Button, Card, CardContent, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { csvFileName, downloadCsv, toCsv } from '../lib/csv';
import { DataTable, type DataColumn } from './DataTable';
import { toggleGroupSx } from './toggleSx';

interface ChartCardProps<T> {
  title: string;
  description?: ReactNode;
  /** The chart; without one the card is a table only (no view switch). */
  chart?: ReactNode;
  /** The chart's data: its table view and its CSV export. */
  columns: readonly DataColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** Caption of the table view (defaults to the title). */
  caption?: string;
  /** Extra words for the CSV file name (e.g. the period). */
  fileNameSuffix?: string;
  /** Shown instead of the chart and table when there are no rows. */
  empty?: ReactNode;
  footer?: ReactNode;
  /** The title's heading level (h3 by default: under a section's h2). */
  headingLevel?: 'h2' | 'h3';
  /** Controls beside the view switch (a selector, an edit button). */
  toolbar?: ReactNode;
}

/**
 * A titled chart with a Chart / Table switch (the table is a real <table> with a caption, for screen readers and for
 * reading exact numbers) and a CSV export of the same rows.
 */
export function ChartCard<T>({
  title,
  description,
  chart,
  columns,
  rows,
  rowKey,
  caption,
  fileNameSuffix,
  empty,
  footer,
  headingLevel = 'h3',
  toolbar,
}: ChartCardProps<T>) {
  const headingId = useId();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const showTable = !chart || view === 'table';
  const exportCsv = () => downloadCsv(csvFileName(title, fileNameSuffix ?? ''), toCsv(rows, columns));
  return (
    <Card variant="outlined" component="section" aria-labelledby={headingId} sx={{ height: '100%', minWidth: 0 }}>
      <CardContent>
        <Stack
          direction={{ xs: 'column', sm: 'row' }}
          spacing={1}
          sx={{ justifyContent: 'space-between', alignItems: { xs: 'flex-start', sm: 'center' }, mb: 1 }}
        >
          <Box>
            <Typography variant="h3" component={headingLevel} id={headingId}>
              {title}
            </Typography>
            {description ? (
              <Typography variant="body2" color="text.secondary">
                {description}
              </Typography>
            ) : null}
          </Box>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexShrink: 0, flexWrap: 'wrap', rowGap: 1 }}>
            {toolbar}
            {chart ? (
              <ToggleButtonGroup
                size="small"
                exclusive
                value={view}
                onChange={(_, next: 'chart' | 'table' | null) => next && setView(next)}
                aria-label={`${title}: view as`}
                sx={toggleGroupSx}
              >
                <ToggleButton value="chart">Chart</ToggleButton>
                <ToggleButton value="table">Table</ToggleButton>
              </ToggleButtonGroup>
            ) : null}
            <Button
              size="small"
              startIcon={<DownloadIcon />}
              onClick={exportCsv}
              disabled={rows.length === 0}
              aria-label={`Export ${title} as CSV`}
            >
              CSV
            </Button>
          </Stack>
        </Stack>
        {rows.length === 0 && empty ? (
          empty
        ) : showTable ? (
          <DataTable caption={caption ?? title} columns={columns} rows={rows} rowKey={rowKey} footer={footer} />
        ) : (
          <Box sx={{ width: '100%', height: 300 }}>{chart}</Box>
        )}
      </CardContent>
    </Card>
  );
}
