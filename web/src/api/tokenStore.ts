// The access token lives in sessionStorage: it survives reloads of the tab
// but not closing it, and is never shared with other tabs.

const TOKEN_KEY = 'brandhub.token';
const EXPIRES_KEY = 'brandhub.token.expiresAt';

export interface TokenStore {
  get(): string | null;
  set(token: string, expiresInSeconds?: number): void;
  clear(): void;
}

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export const tokenStore: TokenStore = {
  get() {
    const s = storage();
    if (!s) return null;
    const token = s.getItem(TOKEN_KEY);
    const expiresAt = Number(s.getItem(EXPIRES_KEY) ?? '0');
    if (token && expiresAt > 0 && Date.now() >= expiresAt) {
      s.removeItem(TOKEN_KEY);
      s.removeItem(EXPIRES_KEY);
      return null;
    }
    return token;
  },
  set(token, expiresInSeconds) {
    const s = storage();
    if (!s) return;
    s.setItem(TOKEN_KEY, token);
    if (expiresInSeconds && expiresInSeconds > 0) {
      s.setItem(EXPIRES_KEY, String(Date.now() + expiresInSeconds * 1000));
    } else {
      s.removeItem(EXPIRES_KEY);
    }
  },
  clear() {
    const s = storage();
    if (!s) return;
    s.removeItem(TOKEN_KEY);
    s.removeItem(EXPIRES_KEY);
  },
};
