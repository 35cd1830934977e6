import { Link as RouterLink, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Breadcrumbs, Link, Typography } from '@mui/material';
import { getImport } from '../../api/endpoints/imports';
import { queryKeys } from '../../api/queryKeys';
import { PageHeader } from '../../components/PageHeader';
import { ImportProgress } from './ImportProgress';

export function ImportDetailPage() {
  const { id = '' } = useParams();
  // Shares the cache entry that ImportProgress polls; used here only for the title.
  const record = useQuery({ queryKey: queryKeys.importDetail(id), queryFn: () => getImport(id), enabled: false });
  return (
    <>
      <Breadcrumbs aria-label="Breadcrumb" sx={{ mb: 2 }}>
        <Link component={RouterLink} to="/imports">
          Imports
        </Link>
        <Typography color="text.primary" aria-current="page">
          Import
        </Typography>
      </Breadcrumbs>
      <PageHeader title={record.data ? `Import of ${record.data.fileName}` : 'Import'} />
      <ImportProgress importId={id} />
    </>
  );
}
