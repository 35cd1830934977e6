import { Alert, AlertTitle, Box, LinearProgress, Paper, Stack, Typography } from '@mui/material';
import type { UseQueryResult } from '@tanstack/react-query';
import { errorMessage } from '../../api/problem';
import type { TemplatePreview } from '../../api/types';

interface Props {
  preview: UseQueryResult<TemplatePreview>;
  /** Errors the preview found, by field (already shown on the fields; listed here too). */
  liveErrors: Record<string, string>;
  /** Why there is nothing to preview yet, if so. */
  idleReason: string | null;
}

/** The draft as a recipient would see it, rendered by the host with the sample values. */
export function TemplatePreviewPanel({ preview, liveErrors, idleReason }: Props) {
  const rendered = preview.data;
  const fieldErrors = Object.entries(liveErrors);
  return (
    <Paper variant="outlined" component="section" aria-labelledby="preview-heading" sx={{ p: 2 }}>
      <Typography variant="h2" id="preview-heading" sx={{ mb: 1 }}>
        Preview
      </Typography>
      {preview.isFetching ? <LinearProgress aria-label="Updating the preview" sx={{ mb: 1 }} /> : null}
      <div aria-live="polite">
        {idleReason ? (
          <Typography color="text.secondary">{idleReason}</Typography>
        ) : preview.isError ? (
          <Alert severity="error">
            <AlertTitle>This template would not save</AlertTitle>
            {fieldErrors.length > 0 ? (
              <Box component="ul" sx={{ m: 0, pl: 2 }}>
                {fieldErrors.map(([field, message]) => (
                  <li key={field}>
                    <strong>{field}</strong>: {message}
                  </li>
                ))}
              </Box>
            ) : (
              errorMessage(preview.error)
            )}
          </Alert>
        ) : null}
        {rendered && !idleReason ? (
          <Stack spacing={1.5} sx={{ opacity: preview.isError ? 0.5 : 1 }}>
            {rendered.warnings.length > 0 ? (
              <Alert severity="warning">
                <AlertTitle>The sanitiser will change this HTML</AlertTitle>
                <Box component="ul" sx={{ m: 0, pl: 2 }}>
                  {rendered.warnings.map((warning, index) => (
                    <li key={`${warning.code}-${index}`}>{warning.message}</li>
                  ))}
                </Box>
              </Alert>
            ) : null}
            <Box>
              <Typography variant="caption" color="text.secondary">
                Subject
              </Typography>
              <Typography sx={{ fontWeight: 600 }} data-testid="preview-subject">
                {rendered.subject}
              </Typography>
              {rendered.preheader ? (
                <Typography variant="body2" color="text.secondary">
                  {rendered.preheader}
                </Typography>
              ) : null}
            </Box>
            <Box
              component="iframe"
              title="HTML preview"
              sandbox=""
              srcDoc={rendered.html}
              sx={{ width: '100%', height: 420, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: '#fff' }}
            />
            <details>
              <summary>Text part</summary>
              <Box component="pre" tabIndex={0} sx={{ whiteSpace: 'pre-wrap', fontSize: '0.85rem', m: 0, mt: 1 }}>
                {rendered.text}
              </Box>
            </details>
          </Stack>
        ) : null}
        {!rendered && !idleReason && preview.isPending && !preview.isError ? (
          <Typography color="text.secondary">Rendering…</Typography>
        ) : null}
      </div>
    </Paper>
  );
}
