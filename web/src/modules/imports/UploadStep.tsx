import { useState, type DragEvent } from 'react';
import { Alert, Box, CircularProgress, Stack, Typography } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import type { ImportPreview } from '../../api/types';
import { errorMessage } from '../../api/problem';

interface Props {
  preview: ImportPreview | null;
  busy: boolean;
  error: unknown;
  onFile: (file: File) => void;
}

export function isCsvFile(file: File): boolean {
  return /\.(csv|txt)$/i.test(file.name) || file.type === 'text/csv' || file.type === 'application/vnd.ms-excel';
}

/** Step 1: choose or drop a CSV file; the server previews it. */
export function UploadStep({ preview, busy, error, onFile }: Props) {
  const [dragging, setDragging] = useState(false);
  const [typeError, setTypeError] = useState<string | null>(null);

  const take = (file: File | undefined) => {
    if (!file) return;
    if (!isCsvFile(file)) {
      setTypeError(`${file.name} is not a CSV file.`);
      return;
    }
    setTypeError(null);
    onFile(file);
  };

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    take(event.dataTransfer.files?.[0]);
  };

  return (
    <Stack spacing={2}>
      <Box
        component="label"
        htmlFor="csv-file-input"
        onDragOver={(event: DragEvent<HTMLElement>) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        sx={{
          display: 'block',
          border: 2,
          borderStyle: 'dashed',
          borderColor: dragging ? 'primary.main' : 'divider',
          borderRadius: 2,
          p: 5,
          textAlign: 'center',
          cursor: 'pointer',
          bgcolor: dragging ? 'action.hover' : 'transparent',
          '&:focus-within': { outline: '3px solid', outlineColor: 'primary.main', outlineOffset: 2 },
        }}
      >
        <UploadFileIcon sx={{ fontSize: 48, color: 'text.secondary' }} aria-hidden />
        <Typography variant="h3" component="span" sx={{ display: 'block', mt: 1 }}>
          CSV file
        </Typography>
        <Typography color="text.secondary" component="span" sx={{ display: 'block' }}>
          Drop a file here or press to choose one. The first line must hold the column names.
        </Typography>
        <input
          id="csv-file-input"
          type="file"
          accept=".csv,text/csv"
          className="visually-hidden"
          aria-label="CSV file"
          aria-describedby="csv-file-status"
          onChange={(event) => {
            take(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
      </Box>
      <div id="csv-file-status" aria-live="polite">
        {busy ? (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <CircularProgress size={20} aria-hidden />
            <Typography>Reading the file…</Typography>
          </Stack>
        ) : preview ? (
          <Alert severity="success">
            {preview.fileName}: {preview.rowCount} rows and {preview.headers.length} columns found. Press Next to map
            the columns.
          </Alert>
        ) : null}
      </div>
      {typeError ? <Alert severity="error">{typeError}</Alert> : null}
      {error && !busy ? <Alert severity="error">The file could not be read: {errorMessage(error)}</Alert> : null}
    </Stack>
  );
}
