import { useState } from 'react';
import { Alert, Box, Card, CardContent, FormControlLabel, Stack, Switch, TextField, Typography } from '@mui/material';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { UTM_FIELDS, type UtmField } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { BuiltLink } from './BuiltLink';
import { useUtmValidation } from './useUtmValidation';
import { applySuggestion, EMPTY_UTM, UTM_FIELD_LABELS, violationsByField, type UtmValues } from './utmForm';
import { ViolationList } from './ViolationList';

/** Type a URL and its UTM parameters: every value is checked against the tenant's rules as you type. */
export function UtmBuilder() {
  const [values, setValues] = useState<UtmValues>(EMPTY_UTM);
  const [shorten, setShorten] = useState(false);
  const { validation, link, settled } = useUtmValidation(values, shorten);
  const byField = violationsByField(validation.data?.violations ?? []);
  const set = (field: keyof UtmValues, value: string) => setValues((current) => ({ ...current, [field]: value }));
  const apply = (field: UtmField, suggestion: string) => setValues((current) => applySuggestion(current, field, suggestion));
  const valid = validation.data?.valid === true && settled && !validation.isFetching;
  return (
    <Card variant="outlined" component="section" aria-labelledby="utm-builder-heading">
      <CardContent>
        <Typography variant="h2" id="utm-builder-heading" sx={{ mb: 2 }}>
          Link builder
        </Typography>
        <Stack spacing={2} component="form" noValidate aria-label="UTM link" onSubmit={(event) => event.preventDefault()}>
          <TextField
            label="Page URL"
            value={values.url}
            onChange={(event) => set('url', event.target.value)}
            placeholder="https://shop.example.ro/black-friday"
            type="url"
            fullWidth
          />
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
            {UTM_FIELDS.map((field) => (
              <Box key={field}>
                <TextField
                  label={UTM_FIELD_LABELS[field]}
                  value={values[field]}
                  onChange={(event) => set(field, event.target.value)}
                  error={Boolean(byField[field])}
                  fullWidth
                  autoComplete="off"
                  slotProps={{ htmlInput: { 'aria-describedby': byField[field] ? `utm-${field}-problems` : undefined } }}
                />
                <Box id={`utm-${field}-problems`}>
                  <ViolationList field={field} value={values[field]} violations={byField[field]} onApply={apply} />
                </Box>
              </Box>
            ))}
          </Box>
          {validation.isError ? <ErrorAlert error={validation.error} title="The parameters could not be checked" /> : null}
          <Box aria-live="polite">
            {valid ? (
              <Alert icon={<CheckCircleIcon />} severity="success">
                These parameters follow your naming rules.{values.url.trim() ? '' : ' Add the page URL to build the link.'}
              </Alert>
            ) : null}
          </Box>
          <FormControlLabel
            control={<Switch checked={shorten} onChange={(event) => setShorten(event.target.checked)} />}
            label="Short tracked link"
          />
          <Typography variant="body2" color="text.secondary" sx={{ mt: -1.5 }}>
            Also makes a short link that redirects to the tagged page and counts its clicks.
          </Typography>
          <BuiltLink link={link} />
        </Stack>
      </CardContent>
    </Card>
  );
}
