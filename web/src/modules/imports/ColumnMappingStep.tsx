import { useMemo } from 'react';
import {
  Alert,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import type { AttributeDefinition, ColumnMapping, ImportPreview } from '../../api/types';
import { ImportOptionsFields } from './ImportOptionsFields';
import type { ImportOptionsValues } from './importOptionsSchema';
import {
  EXTERNAL_ID_PREFIX,
  isCustomExternalId,
  mappingGroups,
  validateMapping,
} from './mappingFields';
import { MappingSelect } from './MappingSelect';

export interface ColumnMappingStepProps {
  preview: ImportPreview;
  mapping: ColumnMapping;
  attributes: AttributeDefinition[];
  onMappingChange: (mapping: ColumnMapping) => void;
  options: ImportOptionsValues;
  optionErrors: Partial<Record<keyof ImportOptionsValues, string>>;
  onOptionsChange: (options: ImportOptionsValues) => void;
  /** Show validation messages (after the user pressed Next once). */
  showErrors: boolean;
}

function examples(preview: ImportPreview, index: number): string {
  return (preview.sampleRows ?? [])
    .map((row) => row[index] ?? '')
    .filter((value) => value !== '')
    .slice(0, 3)
    .join(', ');
}

export function ColumnMappingStep({
  preview,
  mapping,
  attributes,
  onMappingChange,
  options,
  optionErrors,
  onOptionsChange,
  showErrors,
}: ColumnMappingStepProps) {
  const groups = useMemo(
    () =>
      mappingGroups(attributes, [
        ...(preview.fields ?? []),
        ...Object.values(preview.suggestedMapping ?? {}),
        ...Object.values(mapping),
      ]),
    [attributes, preview.fields, preview.suggestedMapping, mapping],
  );
  const validation = validateMapping(mapping);
  const set = (header: string, value: string) => onMappingChange({ ...mapping, [header]: value });

  return (
    <Stack spacing={3}>
      <Typography>
        {preview.fileName}: {preview.rowCount} rows, {preview.headers.length} columns. Choose where each column goes;
        BrandHub suggested a mapping from the column names.
      </Typography>
      {showErrors && validation.general ? (
        <Alert severity="error" role="alert">
          {validation.general}
        </Alert>
      ) : null}
      <TableContainer>
        <Table size="small" aria-label="Column mapping">
          <TableHead>
            <TableRow>
              <TableCell>CSV column</TableCell>
              <TableCell>Example values</TableCell>
              <TableCell sx={{ minWidth: 260 }}>BrandHub field</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {preview.headers.map((header, index) => {
              const value = mapping[header] ?? '';
              const custom = isCustomExternalId(value);
              return (
                <TableRow key={header}>
                  <TableCell component="th" scope="row">
                    {header}
                  </TableCell>
                  <TableCell sx={{ color: 'text.secondary', maxWidth: 280, wordBreak: 'break-word' }}>
                    {examples(preview, index) || '—'}
                  </TableCell>
                  <TableCell>
                    <Stack spacing={1}>
                      <MappingSelect
                        header={header}
                        value={value}
                        groups={groups}
                        error={showErrors && !custom ? validation.columnErrors[header] : undefined}
                        onChange={(next) => set(header, next)}
                      />
                      {custom ? (
                        <TextField
                          size="small"
                          label={`Source system for ${header}`}
                          value={value.slice(EXTERNAL_ID_PREFIX.length)}
                          onChange={(event) =>
                            set(header, `${EXTERNAL_ID_PREFIX}${event.target.value.trim().toLowerCase()}`)
                          }
                          error={showErrors && Boolean(validation.columnErrors[header])}
                          helperText={(showErrors && validation.columnErrors[header]) || 'e.g. shopify'}
                        />
                      ) : null}
                    </Stack>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
      <ImportOptionsFields value={options} errors={showErrors ? optionErrors : {}} onChange={onOptionsChange} />
    </Stack>
  );
}
