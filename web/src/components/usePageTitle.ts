import { useEffect } from 'react';

export const APP_NAME = 'BrandHub';

/** Sets the document <title> for the current route. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · ${APP_NAME}` : APP_NAME;
  }, [title]);
}
