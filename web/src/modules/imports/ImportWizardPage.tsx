import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Box, Button, Paper, Stack, Step, StepLabel, Stepper, Typography } from '@mui/material';
import { listAttributeDefinitions } from '../../api/endpoints/contacts';
import { previewImport, startImport } from '../../api/endpoints/imports';
import { errorMessage } from '../../api/problem';
import { queryKeys } from '../../api/queryKeys';
import type { ColumnMapping, ContactImport, ImportPreview } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { ColumnMappingStep } from './ColumnMappingStep';
import { ImportProgress } from './ImportProgress';
import {
  DEFAULT_IMPORT_OPTIONS,
  guessDelimiter,
  importOptionsSchema,
  toImportOptions,
  type ImportOptionsValues,
} from './importOptionsSchema';
import { MappedPreviewStep } from './MappedPreviewStep';
import { initialMapping, validateMapping } from './mappingFields';
import { UploadStep } from './UploadStep';

const STEPS = ['Upload', 'Map columns', 'Preview', 'Import'];

async function firstLine(file: File): Promise<string> {
  try {
    const head = await file.slice(0, 4096).text();
    return head.split(/\r?\n/)[0] ?? '';
  } catch {
    return '';
  }
}

/** The server's detected delimiter when it is one we offer, else a guess from the header line. */
function detectedDelimiter(fromServer: string | undefined, line: string): ImportOptionsValues['delimiter'] {
  const offered = [',', ';', '\t', '|'];
  return fromServer && offered.includes(fromServer) ? (fromServer as ImportOptionsValues['delimiter']) : guessDelimiter(line);
}

function optionErrors(options: ImportOptionsValues): Partial<Record<keyof ImportOptionsValues, string>> {
  const result = importOptionsSchema.safeParse(options);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
}

export function ImportWizardPage() {
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [options, setOptions] = useState<ImportOptionsValues>(DEFAULT_IMPORT_OPTIONS);
  const [showErrors, setShowErrors] = useState(false);
  const [started, setStarted] = useState<ContactImport | null>(null);
  const attributes = useQuery({ queryKey: queryKeys.attributeDefinitions, queryFn: listAttributeDefinitions });

  const previewMutation = useMutation({
    mutationFn: async (chosen: File) => ({ preview: await previewImport(chosen), line: await firstLine(chosen) }),
    onMutate: () => setPreview(null),
    onSuccess: ({ preview: result, line }, chosen) => {
      setFile(chosen);
      setPreview(result);
      setMapping(initialMapping(result));
      setOptions((current) => ({ ...current, delimiter: detectedDelimiter(result.delimiter, line) }));
      setShowErrors(false);
    },
  });
  const startMutation = useMutation({
    mutationFn: () => startImport(file as File, mapping, toImportOptions(options)),
    onSuccess: (record) => setStarted(record),
  });

  const mappingValid = validateMapping(mapping).valid && Object.keys(optionErrors(options)).length === 0;
  const next = () => {
    if (step === 1 && !mappingValid) {
      setShowErrors(true);
      return;
    }
    setStep((s) => Math.min(s + 1, STEPS.length - 1));
  };
  const attributeList = attributes.data ?? [];

  return (
    <>
      <PageHeader
        title="Import contacts"
        actions={
          <Button component={RouterLink} to="/imports">
            All imports
          </Button>
        }
      />
      <Stepper activeStep={step} sx={{ mb: 3 }} aria-label="Import steps">
        {STEPS.map((label, index) => (
          <Step key={label} completed={index < step || (index === 3 && started?.status === 'completed')}>
            <StepLabel>{label}</StepLabel>
          </Step>
        ))}
      </Stepper>
      <Paper variant="outlined" sx={{ p: { xs: 2, md: 3 } }}>
        <Typography variant="h2" sx={{ mb: 2 }}>
          Step {step + 1} of {STEPS.length}: {STEPS[step]}
        </Typography>
        {step === 0 ? (
          <UploadStep
            preview={preview}
            busy={previewMutation.isPending}
            error={previewMutation.error}
            onFile={(chosen) => previewMutation.mutate(chosen)}
          />
        ) : null}
        {step === 1 && preview ? (
          <ColumnMappingStep
            preview={preview}
            mapping={mapping}
            attributes={attributeList}
            onMappingChange={setMapping}
            options={options}
            optionErrors={optionErrors(options)}
            onOptionsChange={setOptions}
            showErrors={showErrors}
          />
        ) : null}
        {step === 2 && preview ? (
          <MappedPreviewStep preview={preview} mapping={mapping} attributes={attributeList} options={options} />
        ) : null}
        {step === 3 ? (
          started ? (
            <ImportProgress importId={started.id} initial={started} />
          ) : (
            <Stack spacing={2}>
              <Typography>
                Ready to import {preview?.rowCount ?? 0} rows from {preview?.fileName}. Existing people are updated
                (matched by external id, email or phone); running the same file again changes nothing.
              </Typography>
              {startMutation.isError ? (
                <Alert severity="error">The import could not be started: {errorMessage(startMutation.error)}</Alert>
              ) : null}
            </Stack>
          )
        ) : null}
        <Box sx={{ display: 'flex', gap: 1, mt: 3 }}>
          {step > 0 && !started ? <Button onClick={() => setStep((s) => s - 1)}>Back</Button> : null}
          <Box sx={{ flexGrow: 1 }} />
          {step < 3 ? (
            <Button variant="contained" onClick={next} disabled={!preview || previewMutation.isPending}>
              Next
            </Button>
          ) : null}
          {step === 3 && !started ? (
            <Button variant="contained" onClick={() => startMutation.mutate()} disabled={startMutation.isPending || !file}>
              Start import
            </Button>
          ) : null}
          {started ? (
            <Button component={RouterLink} to={`/imports/${started.id}`} variant="outlined">
              Open import details
            </Button>
          ) : null}
        </Box>
      </Paper>
    </>
  );
}
