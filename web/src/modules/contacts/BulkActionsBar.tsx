import { Button, Stack, Toolbar, Typography } from '@mui/material';

interface Props {
  count: number;
  onAddTag: () => void;
  onRemoveTag: () => void;
  onClear: () => void;
}

export function BulkActionsBar({ count, onAddTag, onRemoveTag, onClear }: Props) {
  return (
    <Toolbar
      variant="dense"
      sx={{ bgcolor: 'action.selected', borderRadius: 1, mb: 1, gap: 1, flexWrap: 'wrap' }}
      role="region"
      aria-label="Bulk actions"
    >
      <Typography sx={{ flexGrow: 1 }} aria-live="polite">
        {count} selected
      </Typography>
      <Stack direction="row" spacing={1}>
        <Button variant="outlined" size="small" onClick={onAddTag}>
          Add tag
        </Button>
        <Button variant="outlined" size="small" onClick={onRemoveTag}>
          Remove tag
        </Button>
        <Button size="small" onClick={onClear}>
          Clear selection
        </Button>
      </Stack>
    </Toolbar>
  );
}
