import { useCallback, useState, type ReactNode } from 'react';
import { Alert, Button, Snackbar } from '@mui/material';
import { NotifyContext, type Notice } from './notifyContext';

interface QueuedNotice extends Notice {
  key: number;
}

export function NotifyProvider({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState<QueuedNotice | null>(null);
  const notify = useCallback((notice: Notice) => setCurrent({ ...notice, key: Date.now() }), []);
  const close = () => setCurrent(null);

  return (
    <NotifyContext.Provider value={notify}>
      {children}
      <Snackbar
        key={current?.key}
        open={current !== null}
        autoHideDuration={current?.severity === 'error' ? 10_000 : 5_000}
        onClose={(_, reason) => reason !== 'clickaway' && close()}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      >
        {current ? (
          <Alert
            severity={current.severity ?? 'success'}
            variant="filled"
            onClose={close}
            action={
              current.retry ? (
                <Button
                  color="inherit"
                  size="small"
                  onClick={() => {
                    const retry = current.retry;
                    close();
                    retry?.();
                  }}
                >
                  Retry
                </Button>
              ) : undefined
            }
          >
            {current.message}
          </Alert>
        ) : undefined}
      </Snackbar>
    </NotifyContext.Provider>
  );
}
