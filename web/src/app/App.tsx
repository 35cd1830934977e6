import { useState } from 'react';
import { BrowserRouter } from 'react-router';
import { QueryClientProvider } from '@tanstack/react-query';
import { AuthProvider } from '../auth/AuthProvider';
import { NotifyProvider } from '../components/NotifyProvider';
import { AppRoutes } from './AppRoutes';
import { ColorModeProvider } from './ColorModeProvider';
import { createQueryClient } from './queryClient';

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <ColorModeProvider>
        <NotifyProvider>
          <BrowserRouter>
            <AuthProvider>
              <AppRoutes />
            </AuthProvider>
          </BrowserRouter>
        </NotifyProvider>
      </ColorModeProvider>
    </QueryClientProvider>
  );
}
