import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, InputAdornment, TextField, Tooltip } from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import type { ApiKeyCreated } from '../../api/types';

/** Shows a new key once; it cannot be retrieved again. */
export function KeyCreatedDialog({ created, onClose }: { created: ApiKeyCreated; onClose: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.key);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="key-created-title" fullWidth maxWidth="sm">
      <DialogTitle id="key-created-title">API key “{created.name}” created</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          Copy the key now. It is shown only once; BrandHub keeps only a hash of it.
        </Alert>
        <TextField
          label="API key"
          value={created.key}
          fullWidth
          slotProps={{
            htmlInput: { readOnly: true, style: { fontFamily: 'monospace' }, onFocus: (e: React.FocusEvent<HTMLInputElement>) => e.target.select() },
            input: {
              endAdornment: (
                <InputAdornment position="end">
                  <Tooltip title="Copy key">
                    <IconButton aria-label="Copy key" onClick={copy} edge="end">
                      <ContentCopyIcon />
                    </IconButton>
                  </Tooltip>
                </InputAdornment>
              ),
            },
          }}
        />
        <div aria-live="polite">
          {copied === 'yes' ? <Alert severity="success" sx={{ mt: 2 }}>Copied to the clipboard.</Alert> : null}
          {copied === 'failed' ? (
            <Alert severity="error" sx={{ mt: 2 }}>
              The browser did not allow copying; select the key and copy it by hand.
            </Alert>
          ) : null}
        </div>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          Done
        </Button>
      </DialogActions>
    </Dialog>
  );
}
