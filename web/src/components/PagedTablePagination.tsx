import { TablePagination } from '@mui/material';

interface Props {
  total: number;
  page: number; // 1-based, as the API uses
  pageSize: number;
  onPageChange: (page: number) => void;
  onPageSizeChange?: (pageSize: number) => void;
  pageSizeOptions?: number[];
}

/** TablePagination speaking the API's 1-based pages. */
export function PagedTablePagination({
  total,
  page,
  pageSize,
  onPageChange,
  onPageSizeChange,
  pageSizeOptions = [10, 25, 50, 100],
}: Props) {
  return (
    <TablePagination
      component="div"
      count={total}
      page={Math.max(0, page - 1)}
      rowsPerPage={pageSize}
      rowsPerPageOptions={onPageSizeChange ? pageSizeOptions : [pageSize]}
      onPageChange={(_, zeroBased) => onPageChange(zeroBased + 1)}
      onRowsPerPageChange={(event) => onPageSizeChange?.(Number(event.target.value))}
    />
  );
}
