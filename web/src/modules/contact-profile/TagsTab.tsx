import { useState } from 'react';
import { Alert, Button, Chip, IconButton, Stack, TextField, Typography } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import type { Contact } from '../../api/types';
import { errorMessage } from '../../api/problem';
import { useCan } from '../../auth/useCan';
import { splitList } from '../../lib/format';
import { useContactUpdate } from './useContactUpdate';

export function TagsTab({ contact }: { contact: Contact }) {
  const canWrite = useCan()('contacts:write');
  const update = useContactUpdate(contact.id);
  const [text, setText] = useState('');
  const tags = contact.tags ?? [];

  const save = (next: string[]) => update.mutate({ tags: next });
  const add = () => {
    const added = splitList(text).filter((tag) => !tags.includes(tag));
    if (added.length === 0) return;
    save([...tags, ...added]);
    setText('');
  };

  return (
    <Stack spacing={2}>
      {update.isError ? <Alert severity="error">{errorMessage(update.error)}</Alert> : null}
      {tags.length === 0 ? <Typography color="text.secondary">No tags.</Typography> : null}
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }} component="ul" aria-label="Tags" style={{ padding: 0, margin: 0, listStyle: 'none' }}>
        {tags.map((tag) => (
          <li key={tag}>
            <Chip label={tag} />
            {canWrite ? (
              <IconButton
                size="small"
                aria-label={`Remove tag ${tag}`}
                onClick={() => save(tags.filter((t) => t !== tag))}
                disabled={update.isPending}
              >
                <CloseIcon fontSize="small" />
              </IconButton>
            ) : null}
          </li>
        ))}
      </Stack>
      {canWrite ? (
        <Stack
          direction="row"
          spacing={1}
          component="form"
          onSubmit={(event) => {
            event.preventDefault();
            add();
          }}
        >
          <TextField
            label="New tags"
            size="small"
            value={text}
            onChange={(event) => setText(event.target.value)}
            helperText="Separate several tags with commas."
          />
          <Button type="submit" variant="outlined" disabled={update.isPending || splitList(text).length === 0} sx={{ alignSelf: 'flex-start' }}>
            Add tags
          </Button>
        </Stack>
      ) : null}
    </Stack>
  );
}
