import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import {
  Button,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { downloadImportErrors, listImportErrors } from '../../api/endpoints/imports';
import { errorMessage } from '../../api/problem';
import { queryKeys } from '../../api/queryKeys';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PagedTablePagination } from '../../components/PagedTablePagination';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useNotify } from '../../components/notifyContext';
import { saveFile } from '../../lib/download';

export function ImportErrorsTable({ importId }: { importId: string }) {
  const notify = useNotify();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const errors = useQuery({
    queryKey: queryKeys.importErrors(importId, page, pageSize),
    queryFn: () => listImportErrors(importId, { page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const download = useMutation({
    mutationFn: () => downloadImportErrors(importId),
    onSuccess: (file) => saveFile(file),
    onError: (error) =>
      notify({ message: `Download failed: ${errorMessage(error)}`, severity: 'error', retry: () => download.mutate() }),
  });

  return (
    <section aria-labelledby="import-errors-heading">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
        <Typography variant="h2" id="import-errors-heading">
          Error report
        </Typography>
        <Button
          variant="outlined"
          startIcon={<DownloadIcon />}
          onClick={() => download.mutate()}
          disabled={download.isPending}
        >
          Download error report (CSV)
        </Button>
      </Stack>
      {errors.isError ? (
        <ErrorAlert error={errors.error} title="The error report could not be loaded" onRetry={() => errors.refetch()} />
      ) : (
        <Paper variant="outlined">
          <TableContainer>
            <Table size="small" aria-label="Rows that failed">
              <TableHead>
                <TableRow>
                  <TableCell>Row</TableCell>
                  <TableCell>Field</TableCell>
                  <TableCell>Value</TableCell>
                  <TableCell>Error</TableCell>
                </TableRow>
              </TableHead>
              {errors.isPending ? (
                <TableSkeleton columns={4} rows={3} />
              ) : (
                <TableBody>
                  {(errors.data?.items ?? []).map((row, index) => (
                    <TableRow key={`${row.row}-${row.field}-${index}`}>
                      <TableCell>{row.row}</TableCell>
                      <TableCell>{row.field ?? '—'}</TableCell>
                      <TableCell sx={{ wordBreak: 'break-word' }}>{row.value ?? '—'}</TableCell>
                      <TableCell>{row.error}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              )}
            </Table>
          </TableContainer>
          {errors.data && errors.data.total === 0 ? (
            <Typography sx={{ p: 2 }} color="text.secondary">
              No row errors.
            </Typography>
          ) : null}
          {errors.data && errors.data.total > 0 ? (
            <PagedTablePagination
              total={errors.data.total}
              page={page}
              pageSize={pageSize}
              onPageChange={setPage}
              onPageSizeChange={(size) => {
                setPageSize(size);
                setPage(1);
              }}
            />
          ) : null}
        </Paper>
      )}
    </section>
  );
}
