import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, AlertTitle, Box, Button, Chip, Skeleton, Stack, TextField } from '@mui/material';
import ArchiveIcon from '@mui/icons-material/Archive';
import UnarchiveIcon from '@mui/icons-material/Unarchive';
import {
  createTemplate,
  getTemplate,
  previewTemplate,
  setTemplateArchived,
  updateTemplate,
  validateTemplate,
} from '../../api/endpoints/templates';
import { errorMessage, isApiError, problemFieldErrors } from '../../api/problem';
import { queryKeys } from '../../api/queryKeys';
import type { EmailTemplate, TemplateInput } from '../../api/types';
import { useCan } from '../../auth/useCan';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useNotify } from '../../components/notifyContext';
import { applyServerErrors } from '../../lib/serverErrors';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { TemplatePreviewPanel } from './TemplatePreviewPanel';
import { TemplateVersions } from './TemplateVersions';
import {
  EMPTY_TEMPLATE,
  fromTemplate,
  templateFieldNames,
  templateSchema,
  samplesToData,
  toTemplateInput,
  type TemplateValues,
} from './templateSchema';
import { VariablesFields } from './VariablesFields';

const PREVIEW_DELAY_MS = 500;

function TemplateEditor({ template }: { template: EmailTemplate | null }) {
  const canWrite = useCan()('templates:write');
  const readOnly = !canWrite || Boolean(template?.archivedAt);
  const navigate = useNavigate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [archiving, setArchiving] = useState(false);
  const { register, handleSubmit, setError, reset, control, formState, getValues } = useForm<TemplateValues>({
    resolver: zodResolver(templateSchema),
    defaultValues: template ? fromTemplate(template) : EMPTY_TEMPLATE,
  });

  // Live: the draft, debounced, checked by the host exactly as a save would check it (strict variables, sanitiser);
  // and the saved version rendered with the samples as typed.
  const watched = useWatch({ control }) as TemplateValues;
  const draft = useMemo(() => JSON.stringify(toTemplateInput({ ...EMPTY_TEMPLATE, ...watched })), [watched]);
  const debouncedDraft = useDebouncedValue(draft, PREVIEW_DELAY_MS);
  const request = useMemo(() => JSON.parse(debouncedDraft) as TemplateInput, [debouncedDraft]);
  const idleReason =
    request.subject.trim() === '' || request.html.trim() === '' ? 'Write a subject and the HTML body to check the template.' : null;
  const check = useQuery({
    queryKey: queryKeys.templateCheck(request),
    queryFn: ({ signal }) => validateTemplate(request, signal),
    enabled: idleReason === null && canWrite,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 60_000,
  });
  const sampleData = useMemo(
    () => samplesToData((watched.variables ?? []).filter((v): v is TemplateValues['variables'][number] => Boolean(v))),
    [watched.variables],
  );
  const debouncedData = useDebouncedValue(sampleData, PREVIEW_DELAY_MS);
  const rendered = useQuery({
    queryKey: queryKeys.templatePreview(template?.id ?? '', template?.version ?? 0, debouncedData),
    queryFn: ({ signal }) => previewTemplate(template?.id ?? '', { data: debouncedData, version: template?.version }, signal),
    enabled: template !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const liveErrors = check.isError && isApiError(check.error) && check.error.status === 400 ? problemFieldErrors(check.error.problem) : {};

  const save = useMutation({
    mutationFn: (values: TemplateValues) =>
      template ? updateTemplate(template.id, toTemplateInput(values, template.version)) : createTemplate(toTemplateInput(values)),
    onSuccess: async (saved) => {
      setFormError(null);
      queryClient.setQueryData(queryKeys.template(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: queryKeys.templates });
      notify({ message: template ? `Saved version ${saved.version}.` : 'Template created.' });
      if (template) reset(fromTemplate(saved));
      else navigate(`/content/templates/${saved.id}`, { replace: true });
    },
    onError: (error) => setFormError(applyServerErrors(error, setError, templateFieldNames(getValues()))),
  });
  const archive = useMutation({
    mutationFn: (archived: boolean) => setTemplateArchived(template?.id ?? '', archived),
    onSuccess: async (saved, archived) => {
      setArchiving(false);
      queryClient.setQueryData(queryKeys.template(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: queryKeys.templates });
      notify({ message: archived ? 'Template archived.' : 'Template restored.' });
      if (archived) navigate('/content/templates');
    },
    onError: (error, archived) => {
      if (!archived) notify({ message: `Restoring failed: ${errorMessage(error)}`, severity: 'error', retry: () => archive.mutate(false) });
    },
  });

  const errors = formState.errors;
  const fieldError = (name: 'name' | 'description' | 'subject' | 'preheader' | 'html' | 'text') => errors[name]?.message ?? liveErrors[name];

  return (
    <>
      <PageHeader
        title={template ? template.name : 'New template'}
        documentTitle={template ? `${template.name} · Templates` : 'New template · Templates'}
        subtitle={
          template ? (
            <>
              Version {template.version}
              {template.description ? ` · ${template.description}` : ''}
              {template.archivedAt ? <Chip size="small" label="Archived" sx={{ ml: 1 }} /> : null}
            </>
          ) : (
            'Handlebars syntax: {{contact.firstName}}, {{data.order.number}}, {{links.unsubscribeUrl}}'
          )
        }
        actions={
          template && canWrite ? (
            template.archivedAt ? (
              <Button variant="outlined" startIcon={<UnarchiveIcon />} onClick={() => archive.mutate(false)} disabled={archive.isPending}>
                Restore
              </Button>
            ) : (
              <Button color="error" variant="outlined" startIcon={<ArchiveIcon />} onClick={() => setArchiving(true)}>
                Archive
              </Button>
            )
          ) : null
        }
      />
      {template && template.warnings.length > 0 ? (
        <Alert severity="warning" sx={{ mb: 2 }}>
          <AlertTitle>The sanitiser changed the saved HTML</AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {template.warnings.map((warning, index) => (
              <li key={`${warning.code}-${index}`}>{warning.message}</li>
            ))}
          </Box>
        </Alert>
      ) : null}
      <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1fr) minmax(0, 1fr)' }, alignItems: 'start' }}>
        <Stack
          component="form"
          spacing={2}
          onSubmit={handleSubmit((values) => save.mutate(values))}
          noValidate
          aria-label="Template"
        >
          {formError ? <Alert severity="error">{formError}</Alert> : null}
          <TextField label="Name" {...register('name')} error={Boolean(fieldError('name'))} helperText={fieldError('name')} disabled={readOnly} />
          <TextField
            label="Description"
            {...register('description')}
            error={Boolean(fieldError('description'))}
            helperText={fieldError('description') ?? 'Optional: what the template is for.'}
            disabled={readOnly}
          />
          <TextField
            label="Subject"
            {...register('subject')}
            error={Boolean(fieldError('subject'))}
            helperText={fieldError('subject')}
            disabled={readOnly}
          />
          <TextField
            label="Preheader"
            {...register('preheader')}
            error={Boolean(fieldError('preheader'))}
            helperText={fieldError('preheader') ?? 'The preview line most inboxes show after the subject (optional).'}
            disabled={readOnly}
          />
          <TextField
            label="HTML"
            multiline
            minRows={12}
            maxRows={30}
            {...register('html')}
            error={Boolean(fieldError('html'))}
            helperText={fieldError('html') ?? 'Sanitised on save: scripts, event handlers and unsafe links are removed.'}
            disabled={readOnly}
            slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace', fontSize: '0.85rem' } } }}
          />
          <TextField
            label="Text"
            multiline
            minRows={4}
            maxRows={20}
            {...register('text')}
            error={Boolean(fieldError('text'))}
            helperText={fieldError('text') ?? 'Optional: generated from the HTML when left empty.'}
            disabled={readOnly}
            slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace', fontSize: '0.85rem' } } }}
          />
          <VariablesFields control={control} register={register} errors={errors} liveErrors={liveErrors} disabled={readOnly} />
          {readOnly ? null : (
            <Stack direction="row" spacing={1}>
              <Button type="submit" variant="contained" disabled={save.isPending || (template !== null && !formState.isDirty)}>
                {template ? 'Save new version' : 'Create template'}
              </Button>
              <Button onClick={() => navigate('/content/templates')}>Cancel</Button>
            </Stack>
          )}
        </Stack>
        <Stack spacing={3}>
          <TemplatePreviewPanel
            check={check}
            rendered={template ? rendered : null}
            renderedVersion={template?.version ?? null}
            liveErrors={liveErrors}
            idleReason={canWrite ? idleReason : 'Checking drafts needs the templates:write permission.'}
          />
          {template ? <TemplateVersions templateId={template.id} current={template.version} /> : null}
        </Stack>
      </Box>
      <ConfirmDialog
        open={archiving}
        title="Archive this template?"
        confirmLabel="Archive"
        destructive
        busy={archive.isPending}
        error={archive.error}
        onConfirm={() => archive.mutate(true)}
        onClose={() => {
          archive.reset();
          setArchiving(false);
        }}
      >
        {`“${template?.name ?? ''}” can no longer be used for new messages. Messages already queued with it are still sent.`}
      </ConfirmDialog>
    </>
  );
}

/** `/content/templates/new` and `/content/templates/:id`. */
export function TemplateEditorPage() {
  const { id } = useParams();
  const isNew = id === undefined || id === 'new';
  const template = useQuery({ queryKey: queryKeys.template(id ?? ''), queryFn: () => getTemplate(id ?? ''), enabled: !isNew });
  if (isNew) return <TemplateEditor key="new" template={null} />;
  if (template.isPending) {
    return (
      <>
        <PageHeader title="Template" />
        <Skeleton variant="rectangular" height={480} aria-label="Loading the template" />
      </>
    );
  }
  if (template.isError) {
    return (
      <>
        <PageHeader title="Template" />
        <ErrorAlert
          error={template.error}
          title={isApiError(template.error) && template.error.isNotFound ? 'No such template' : 'The template could not be loaded'}
          onRetry={() => template.refetch()}
        />
      </>
    );
  }
  return <TemplateEditor key={template.data.id} template={template.data} />;
}
