import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { onUnauthorized, api } from '../api/client';
import { getMe, requestToken } from '../api/endpoints/auth';
import { queryKeys } from '../api/queryKeys';
import { AuthContext, type AuthState } from './authContext';

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [token, setToken] = useState<string | null>(() => api.tokens.get());
  const [sessionExpired, setSessionExpired] = useState(false);

  useEffect(
    () =>
      onUnauthorized(() => {
        setToken(null);
        setSessionExpired(true);
        queryClient.clear();
      }),
    [queryClient],
  );

  const meQuery = useQuery({
    queryKey: [...queryKeys.me, token],
    queryFn: getMe,
    enabled: token !== null,
    staleTime: 5 * 60_000,
  });

  const login = useCallback(
    async (email: string, password: string) => {
      const response = await requestToken({ email, password });
      api.tokens.set(response.access_token, response.expires_in);
      queryClient.clear();
      setSessionExpired(false);
      setToken(response.access_token);
    },
    [queryClient],
  );

  const logout = useCallback(() => {
    api.tokens.clear();
    queryClient.clear();
    setSessionExpired(false);
    setToken(null);
  }, [queryClient]);

  const value = useMemo<AuthState>(
    () => ({
      isAuthenticated: token !== null,
      me: meQuery.data,
      meLoading: token !== null && meQuery.isPending,
      meError: meQuery.error,
      refetchMe: () => void meQuery.refetch(),
      sessionExpired,
      login,
      logout,
    }),
    [token, meQuery, sessionExpired, login, logout],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
