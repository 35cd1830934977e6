import { useMemo, useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Box, Button, Grid, Skeleton, Stack, Tab, Tabs, TextField } from '@mui/material';
import { createSegment, criteriaPreview, deleteSegment, getSegment, listSegments, refreshSegment, segmentsPreview, updateSegment } from '../../api/endpoints/segments';
import { errorMessage, isApiError, problemFieldErrors } from '../../api/problem';
import { queryKeys } from '../../api/queryKeys';
import { SEGMENT_TYPES, type Segment, type SegmentType } from '../../api/types';
import { useCan } from '../../auth/useCan';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NativeSelectField } from '../../components/NativeSelectField';
import { PageHeader } from '../../components/PageHeader';
import { useNotify } from '../../components/notifyContext';
import { formatDateTime, formatNumber, humanize } from '../../lib/format';
import { AudiencePreviewPanel } from './AudiencePreviewPanel';
import { countConditions, fromCriteria, mapCriteriaErrors, parseCriteriaText, toCriteria, type GroupNode } from './criteria';
import { CriteriaTreeEditor } from './CriteriaTreeEditor';
import { SegmentMembersTab } from './SegmentMembersTab';
import { SegmentPerformanceCard } from './SegmentPerformanceCard';
import { useAudiencePreview } from './useAudiencePreview';

export function SegmentBuilderPage() {
  const { id } = useParams();
  const segment = useQuery({ queryKey: queryKeys.segment(id ?? ''), queryFn: () => getSegment(id ?? ''), enabled: Boolean(id) });
  if (id && segment.isError) {
    return (
      <>
        <PageHeader title="Segment" />
        <ErrorAlert error={segment.error} title="The segment could not be loaded" onRetry={() => void segment.refetch()} />
      </>
    );
  }
  if (id && !segment.data) {
    return (
      <>
        <PageHeader title="Segment" />
        <Skeleton variant="rounded" height={320} />
      </>
    );
  }
  return <SegmentBuilder key={id ?? 'new'} segment={segment.data ?? null} />;
}

function SegmentBuilder({ segment }: { segment: Segment | null }) {
  const canWrite = useCan()('segments:write');
  const navigate = useNavigate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [name, setName] = useState(segment?.name ?? '');
  const [description, setDescription] = useState(segment?.description ?? '');
  const [type, setType] = useState<SegmentType>(segment?.type ?? 'dynamic');
  const [tree, setTree] = useState<GroupNode>(() => fromCriteria(segment?.criteria ?? null));
  const [editor, setEditor] = useState<'visual' | 'json'>('visual');
  const [jsonText, setJsonText] = useState('');
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [section, setSection] = useState<'criteria' | 'members'>('criteria');
  const [deleting, setDeleting] = useState(false);

  const criteria = useMemo(() => toCriteria(tree), [tree]);
  // A static segment's members change by hand: its criteria (the snapshot's source) are shown, not edited, and the
  // preview is of its members. A new static segment without conditions starts empty (criteria null), not with everyone.
  const savedStatic = segment?.type === 'static';
  const startsEmpty = !segment && type === 'static' && countConditions(tree) === 0;
  const canEditCriteria = canWrite && !savedStatic;
  const previewBody = useMemo(
    () => (savedStatic && segment ? segmentsPreview([segment.id], []) : startsEmpty ? null : criteriaPreview(criteria)),
    [criteria, savedStatic, segment, startsEmpty],
  );
  const preview = useAudiencePreview(jsonError ? null : previewBody);
  const others = useQuery({ queryKey: queryKeys.segmentList({ page: 1, pageSize: 200 }), queryFn: () => listSegments({ page: 1, pageSize: 200 }) });
  const segmentOptions = (others.data?.items ?? []).filter((s) => s.id !== segment?.id).map((s) => ({ value: s.id, label: s.name }));

  const save = useMutation({
    mutationFn: () => {
      const common = { name: name.trim(), description: description.trim() || null };
      if (segment) return updateSegment(segment.id, savedStatic ? common : { ...common, criteria });
      return createSegment({ ...common, type, criteria: startsEmpty ? null : criteria });
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.segments });
      notify({ message: segment ? 'Segment saved.' : 'Segment created.' });
      if (!segment) navigate(`/segments/${saved.id}`, { replace: true });
    },
  });
  const refresh = useMutation({
    mutationFn: () => refreshSegment(segment?.id ?? ''),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.segments });
      notify({ message: `Segment refreshed: ${formatNumber(result.memberCount)} members.` });
    },
    onError: (error) => notify({ message: `Refresh failed: ${errorMessage(error)}`, severity: 'error', retry: () => refresh.mutate() }),
  });
  const remove = useMutation({
    mutationFn: () => deleteSegment(segment?.id ?? ''),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.segments });
      notify({ message: 'Segment deleted.' });
      navigate('/segments');
    },
  });

  // Validation errors: from a save (they win) or from the live preview, placed on the conditions by their path.
  const problem = (isApiError(save.error) && save.error.status === 400 ? save.error.problem : null) ??
    (isApiError(preview.error) && preview.error.status === 400 ? preview.error.problem : null);
  const mapped = mapCriteriaErrors(tree, problem?.errors as Record<string, string[]> | undefined);
  const fieldErrors = problemFieldErrors(isApiError(save.error) ? save.error.problem : null);
  const otherErrors = mapped.other.filter((m) => !/^(name|description|type):/i.test(m));
  const previewError = preview.isError && !(isApiError(preview.error) && preview.error.status === 400);

  const switchEditor = (next: 'visual' | 'json') => {
    if (next === 'json') {
      setJsonText(JSON.stringify(criteria, null, 2));
      setJsonError(null);
    }
    if (next === 'visual' && jsonError) return; // stay until the JSON parses
    setEditor(next);
  };
  const editJson = (text: string) => {
    setJsonText(text);
    try {
      setTree(parseCriteriaText(text));
      setJsonError(null);
    } catch (error) {
      setJsonError(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <>
      <PageHeader
        title={segment ? segment.name : 'New segment'}
        documentTitle={segment ? `Segment ${segment.name}` : 'New segment'}
        subtitle={segment ? `${humanize(segment.type)} · ${formatNumber(segment.memberCount)} members · refreshed ${formatDateTime(segment.refreshedAt)}` : undefined}
        actions={
          <>
            <Button component={RouterLink} to="/segments">All segments</Button>
            {segment && canWrite ? (
              <>
                <Button variant="outlined" onClick={() => refresh.mutate()} disabled={refresh.isPending}>Refresh members</Button>
                <Button color="error" onClick={() => setDeleting(true)}>Delete</Button>
              </>
            ) : null}
          </>
        }
      />
      {segment ? (
        <Tabs value={section} onChange={(_, v: 'criteria' | 'members') => setSection(v)} sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }} aria-label="Segment sections">
          <Tab value="criteria" label="Criteria" />
          <Tab value="members" label="Members" />
        </Tabs>
      ) : null}
      {section === 'members' && segment ? (
        <SegmentMembersTab segment={segment} canWrite={canWrite} />
      ) : (
        <Grid container spacing={3}>
          <Grid size={{ xs: 12, md: 8 }}>
            <Stack spacing={2}>
              <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                <TextField label="Segment name" required value={name} disabled={!canWrite} onChange={(e) => setName(e.target.value)} error={Boolean(fieldErrors.name)} helperText={fieldErrors.name} sx={{ flexGrow: 1 }} />
                <NativeSelectField
                  label="Type"
                  value={type}
                  disabled={!canWrite || Boolean(segment)}
                  options={SEGMENT_TYPES.map((t) => ({ value: t, label: t === 'dynamic' ? 'Dynamic (kept up to date)' : 'Static (snapshot)' }))}
                  onChange={(e) => setType(e.target.value as SegmentType)}
                  error={Boolean(fieldErrors.type)}
                  helperText={fieldErrors.type}
                />
              </Stack>
              <TextField label="Description" value={description} disabled={!canWrite} onChange={(e) => setDescription(e.target.value)} multiline />
              {savedStatic ? (
                <Alert severity="info">
                  A static segment is a snapshot: its members change by hand on the Members tab.
                  {segment?.criteria ? ' The criteria below are what the snapshot was taken from.' : ''}
                </Alert>
              ) : null}
              {!segment && type === 'static' ? (
                <Alert severity="info">
                  {startsEmpty
                    ? 'Without conditions the static segment starts empty; add its members by hand after creating it.'
                    : 'The contacts matching these conditions now are copied into the segment once; after that its members change by hand.'}
                </Alert>
              ) : null}
              <Tabs value={editor} onChange={(_, v: 'visual' | 'json') => switchEditor(v)} aria-label="Criteria editor">
                <Tab value="visual" label="Builder" disabled={Boolean(jsonError)} />
                <Tab value="json" label="JSON" />
              </Tabs>
              {otherErrors.length > 0 ? <Alert severity="error">{otherErrors.join(' ')}</Alert> : null}
              {editor === 'visual' ? (
                <CriteriaTreeEditor root={tree} onChange={setTree} errors={mapped.byNode} segmentOptions={segmentOptions} readOnly={!canEditCriteria} />
              ) : (
                <TextField
                  label="Criteria JSON"
                  multiline
                  minRows={12}
                  value={jsonText}
                  disabled={!canEditCriteria}
                  onChange={(e) => editJson(e.target.value)}
                  error={Boolean(jsonError)}
                  helperText={jsonError ?? 'Groups {"all":[…]}, {"any":[…]}, {"not":{…}}; conditions field/op/value, consent, event, segment.'}
                  slotProps={{ htmlInput: { style: { fontFamily: 'monospace' }, spellCheck: false } }}
                />
              )}
              {save.isError && !problem ? <ErrorAlert error={save.error} title="The segment could not be saved" /> : null}
              {canWrite ? (
                <Box>
                  <Button variant="contained" onClick={() => save.mutate()} disabled={save.isPending || !name.trim() || Boolean(jsonError)}>
                    {segment ? 'Save segment' : 'Create segment'}
                  </Button>
                </Box>
              ) : null}
            </Stack>
          </Grid>
          <Grid size={{ xs: 12, md: 4 }}>
            <Stack spacing={2}>
              <AudiencePreviewPanel preview={preview} idleText={startsEmpty ? 'The segment starts empty.' : 'Edit the criteria to see the size.'} showError={previewError} />
              {segment ? <SegmentPerformanceCard segmentId={segment.id} /> : null}
            </Stack>
          </Grid>
        </Grid>
      )}
      <ConfirmDialog
        open={deleting}
        title="Delete this segment?"
        confirmLabel="Delete segment"
        destructive
        busy={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate()}
        onClose={() => {
          remove.reset();
          setDeleting(false);
        }}
      >
        {`"${segment?.name ?? ''}" is removed. Campaigns that use it lose this part of their audience.`}
      </ConfirmDialog>
    </>
  );
}
