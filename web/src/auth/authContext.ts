import { createContext, useContext } from 'react';
import type { Me } from '../api/types';

export interface AuthState {
  /** A token is held (the session may still be loading /me). */
  isAuthenticated: boolean;
  me: Me | undefined;
  meLoading: boolean;
  meError: unknown;
  refetchMe: () => void;
  /** True after the API rejected the token (401), until the next sign-in. */
  sessionExpired: boolean;
  login: (email: string, password: string) => Promise<void>;
  logout: () => void;
}

export const AuthContext = createContext<AuthState | null>(null);

export function useAuth(): AuthState {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}
