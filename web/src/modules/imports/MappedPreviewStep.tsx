import { Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import type { AttributeDefinition, ColumnMapping, ImportPreview } from '../../api/types';
import { applyMapping, fieldLabel } from './mappingFields';
import type { ImportOptionsValues } from './importOptionsSchema';
import { splitList } from '../../lib/format';

interface Props {
  preview: ImportPreview;
  mapping: ColumnMapping;
  attributes: AttributeDefinition[];
  options: ImportOptionsValues;
}

export function MappedPreviewStep({ preview, mapping, attributes, options }: Props) {
  const mapped = applyMapping(preview, mapping);
  const ignored = preview.headers.filter((header) => !mapping[header]);
  const tags = splitList(options.tags);
  return (
    <Stack spacing={2}>
      <Typography>
        The first {mapped.rows.length} of {preview.rowCount} rows as they will be imported.
        {ignored.length > 0 ? ` Ignored columns: ${ignored.join(', ')}.` : ''}
        {tags.length > 0 ? ` Every contact also gets the tags: ${tags.join(', ')}.` : ''} Consent source: “
        {options.consentSource}”.
      </Typography>
      <TableContainer sx={{ maxHeight: 480 }}>
        <Table size="small" stickyHeader aria-label="Import preview">
          <TableHead>
            <TableRow>
              <TableCell>Row</TableCell>
              {mapped.columns.map((column) => (
                <TableCell key={column.header}>
                  {fieldLabel(column.field, attributes)}
                  <Typography variant="caption" component="div" color="text.secondary">
                    from {column.header}
                  </Typography>
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {mapped.rows.map((row, rowIndex) => (
              <TableRow key={rowIndex}>
                <TableCell>{rowIndex + 1}</TableCell>
                {row.map((value, columnIndex) => (
                  <TableCell key={columnIndex}>{value || '—'}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Stack>
  );
}
