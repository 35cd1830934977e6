import { createContext, useContext } from 'react';

export interface Notice {
  message: string;
  severity?: 'success' | 'error' | 'info' | 'warning';
  /** Shows a "Retry" action on the toast. */
  retry?: () => void;
}

export const NotifyContext = createContext<(notice: Notice) => void>(() => undefined);

/** Shows a toast. */
export function useNotify(): (notice: Notice) => void {
  return useContext(NotifyContext);
}
