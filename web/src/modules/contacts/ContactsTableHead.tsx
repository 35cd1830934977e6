import { Checkbox, TableCell, TableHead, TableRow, TableSortLabel } from '@mui/material';
import type { ContactSort } from '../../api/types';

interface Column {
  label: string;
  sortKey?: 'lastName' | 'email' | 'createdAt' | 'updatedAt';
}

export const CONTACT_COLUMNS: Column[] = [
  { label: 'Name', sortKey: 'lastName' },
  { label: 'Email', sortKey: 'email' },
  { label: 'Phone' },
  { label: 'Country' },
  { label: 'Lifecycle stage' },
  { label: 'Tags' },
  { label: 'Email consent' },
  { label: 'Created', sortKey: 'createdAt' },
  { label: 'Updated', sortKey: 'updatedAt' },
];

interface Props {
  sort: ContactSort;
  onSort: (sort: ContactSort) => void;
  selectable: boolean;
  allSelected: boolean;
  someSelected: boolean;
  onToggleAll: () => void;
}

export function ContactsTableHead({ sort, onSort, selectable, allSelected, someSelected, onToggleAll }: Props) {
  const descending = sort.startsWith('-');
  const sortField = descending ? sort.slice(1) : sort;
  return (
    <TableHead>
      <TableRow>
        {selectable ? (
          <TableCell padding="checkbox">
            <Checkbox
              checked={allSelected}
              indeterminate={someSelected && !allSelected}
              onChange={onToggleAll}
              slotProps={{ input: { 'aria-label': 'Select all contacts on this page' } }}
            />
          </TableCell>
        ) : null}
        {CONTACT_COLUMNS.map((column) => {
          const active = column.sortKey === sortField;
          return (
            <TableCell
              key={column.label}
              sortDirection={active ? (descending ? 'desc' : 'asc') : false}
              sx={{ whiteSpace: 'nowrap' }}
            >
              {column.sortKey ? (
                <TableSortLabel
                  active={active}
                  direction={active && descending ? 'desc' : 'asc'}
                  onClick={() => {
                    const key = column.sortKey as string;
                    // First click sorts ascending (dates: newest first); a second click flips.
                    const next = active
                      ? descending
                        ? key
                        : `-${key}`
                      : key === 'createdAt' || key === 'updatedAt'
                        ? `-${key}`
                        : key;
                    onSort(next as ContactSort);
                  }}
                >
                  {column.label}
                </TableSortLabel>
              ) : (
                column.label
              )}
            </TableCell>
          );
        })}
      </TableRow>
    </TableHead>
  );
}
