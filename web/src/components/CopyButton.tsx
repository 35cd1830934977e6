import { IconButton, Tooltip } from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { useNotify } from './notifyContext';

/** Copies `value` to the clipboard; `label` names what is copied ("Copy the record name"). */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const notify = useNotify();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      notify({ message: 'Copied to the clipboard.' });
    } catch {
      notify({ message: 'The clipboard is not available here: select the text and copy it.', severity: 'error' });
    }
  };
  return (
    <Tooltip title={label}>
      <IconButton size="small" aria-label={label} onClick={() => void copy()}>
        <ContentCopyIcon fontSize="small" />
      </IconButton>
    </Tooltip>
  );
}
