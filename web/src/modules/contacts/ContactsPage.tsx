import { useEffect, useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, LinearProgress, Paper, Table, TableBody, TableContainer } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { listContacts } from '../../api/endpoints/contacts';
import { queryKeys } from '../../api/queryKeys';
import { useCan } from '../../auth/useCan';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PagedTablePagination } from '../../components/PagedTablePagination';
import { PageHeader } from '../../components/PageHeader';
import { TableSkeleton } from '../../components/TableSkeleton';
import { formatNumber } from '../../lib/format';
import { BulkActionsBar } from './BulkActionsBar';
import { BulkTagDialog } from './BulkTagDialog';
import { ContactFilters } from './ContactFilters';
import { ContactRow } from './ContactRow';
import { CONTACT_COLUMNS, ContactsTableHead } from './ContactsTableHead';
import { NewContactDialog } from './NewContactDialog';
import { useContactListParams } from './useContactListParams';

export function ContactsPage() {
  const can = useCan();
  const canWrite = can('contacts:write');
  const { query, update, clearFilters, hasFilters } = useContactListParams();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulkMode, setBulkMode] = useState<'add' | 'remove' | null>(null);
  const [creating, setCreating] = useState(false);

  const contacts = useQuery({
    queryKey: queryKeys.contactList(query),
    queryFn: () => listContacts(query),
    placeholderData: keepPreviousData,
  });

  // A new page or filter starts with nothing selected.
  useEffect(() => setSelected(new Set()), [query]);

  const items = useMemo(() => contacts.data?.items ?? [], [contacts.data]);
  const allSelected = items.length > 0 && items.every((contact) => selected.has(contact.id));
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const toggleAll = () => setSelected(allSelected ? new Set() : new Set(items.map((contact) => contact.id)));
  const columnCount = CONTACT_COLUMNS.length + (canWrite ? 1 : 0);

  return (
    <>
      <PageHeader
        title="Contacts"
        subtitle={contacts.data ? `${formatNumber(contacts.data.total)} contacts${hasFilters ? ' match' : ''}` : undefined}
        actions={
          canWrite ? (
            <>
              <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
                New contact
              </Button>
              {can('imports:write') ? (
                <Button variant="outlined" startIcon={<UploadFileIcon />} component={RouterLink} to="/imports/new">
                  Import CSV
                </Button>
              ) : null}
            </>
          ) : null
        }
      />
      <ContactFilters query={query} update={update} hasFilters={hasFilters} clearFilters={clearFilters} />
      {canWrite && selected.size > 0 ? (
        <BulkActionsBar
          count={selected.size}
          onAddTag={() => setBulkMode('add')}
          onRemoveTag={() => setBulkMode('remove')}
          onClear={() => setSelected(new Set())}
        />
      ) : null}
      {contacts.isError ? (
        <ErrorAlert error={contacts.error} title="Contacts could not be loaded" onRetry={() => contacts.refetch()} />
      ) : (
        <Paper variant="outlined">
          {contacts.isFetching && !contacts.isPending ? <LinearProgress aria-label="Refreshing contacts" /> : null}
          <TableContainer>
            <Table size="small" aria-label="Contacts" aria-busy={contacts.isFetching}>
              <ContactsTableHead
                sort={query.sort}
                onSort={(sort) => update({ sort })}
                selectable={canWrite}
                allSelected={allSelected}
                someSelected={selected.size > 0}
                onToggleAll={toggleAll}
              />
              {contacts.isPending ? (
                <TableSkeleton columns={columnCount} />
              ) : (
                <TableBody>
                  {items.map((contact) => (
                    <ContactRow
                      key={contact.id}
                      contact={contact}
                      selectable={canWrite}
                      selected={selected.has(contact.id)}
                      onToggle={toggle}
                    />
                  ))}
                </TableBody>
              )}
            </Table>
          </TableContainer>
          {!contacts.isPending && items.length === 0 ? (
            hasFilters ? (
              <EmptyState
                title="No contacts match these filters"
                actions={<Button onClick={clearFilters}>Clear filters</Button>}
              />
            ) : (
              <EmptyState
                title="No contacts yet"
                description="Add a contact by hand or import a CSV file."
                actions={
                  canWrite ? (
                    <>
                      <Button variant="contained" onClick={() => setCreating(true)}>
                        New contact
                      </Button>
                      <Button variant="outlined" component={RouterLink} to="/imports/new">
                        Import CSV
                      </Button>
                    </>
                  ) : undefined
                }
              />
            )
          ) : null}
          {contacts.data && contacts.data.total > 0 ? (
            <PagedTablePagination
              total={contacts.data.total}
              page={query.page}
              pageSize={query.pageSize}
              onPageChange={(page) => update({ page })}
              onPageSizeChange={(pageSize) => update({ pageSize })}
            />
          ) : null}
        </Paper>
      )}
      {bulkMode ? (
        <BulkTagDialog
          mode={bulkMode}
          contactIds={Array.from(selected)}
          onClose={() => setBulkMode(null)}
          onDone={() => {
            setBulkMode(null);
            setSelected(new Set());
          }}
        />
      ) : null}
      {creating ? <NewContactDialog onClose={() => setCreating(false)} /> : null}
    </>
  );
}
