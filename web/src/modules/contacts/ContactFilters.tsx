import { Button, Stack } from '@mui/material';
import {
  CONSENT_CHANNELS,
  CONSENT_STATUSES,
  LIFECYCLE_STAGES,
  type ContactQuery,
} from '../../api/types';
import { enumOptions, NativeSelectField } from '../../components/NativeSelectField';
import { SearchField } from '../../components/SearchField';
import { humanize } from '../../lib/format';
import { DebouncedTextField } from './DebouncedTextField';

interface Props {
  query: Required<ContactQuery>;
  update: (changes: Partial<ContactQuery>) => void;
  hasFilters: boolean;
  clearFilters: () => void;
}

export function ContactFilters({ query, update, hasFilters, clearFilters }: Props) {
  return (
    <Stack spacing={2} sx={{ mb: 2 }}>
      <SearchField
        label="Search contacts"
        value={query.search}
        onDebouncedChange={(search) => update({ search })}
        placeholder="Name, email, phone or company"
        fullWidth
      />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} role="group" aria-label="Filters">
        <DebouncedTextField
          label="Tag"
          size="small"
          value={query.tag}
          onDebouncedChange={(tag) => update({ tag })}
          sx={{ minWidth: 140 }}
        />
        <NativeSelectField
          label="Lifecycle stage"
          size="small"
          value={query.lifecycleStage}
          options={enumOptions(LIFECYCLE_STAGES, humanize, 'Any')}
          onChange={(event) => update({ lifecycleStage: event.target.value as ContactQuery['lifecycleStage'] })}
          sx={{ minWidth: 170 }}
        />
        <DebouncedTextField
          label="Country"
          size="small"
          value={query.country}
          onDebouncedChange={(country) => update({ country: country.toUpperCase() })}
          slotProps={{ htmlInput: { maxLength: 2 } }}
          helperText="Two-letter code"
          sx={{ width: 130 }}
        />
        <NativeSelectField
          label="Consent channel"
          size="small"
          value={query.consentChannel}
          options={enumOptions(CONSENT_CHANNELS, humanize, 'Any')}
          onChange={(event) => {
            const consentChannel = event.target.value as ContactQuery['consentChannel'];
            update(consentChannel ? { consentChannel } : { consentChannel, consentStatus: '' });
          }}
          sx={{ minWidth: 160 }}
        />
        <NativeSelectField
          label="Consent status"
          size="small"
          value={query.consentStatus}
          options={enumOptions(CONSENT_STATUSES, humanize, 'Any')}
          onChange={(event) => update({ consentStatus: event.target.value as ContactQuery['consentStatus'] })}
          disabled={!query.consentChannel}
          title={query.consentChannel ? undefined : 'Pick a consent channel first'}
          sx={{ minWidth: 160 }}
        />
        {hasFilters ? (
          <Button onClick={clearFilters} sx={{ alignSelf: { md: 'flex-start' }, mt: { md: 0.5 } }}>
            Clear filters
          </Button>
        ) : null}
      </Stack>
    </Stack>
  );
}
