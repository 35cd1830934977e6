import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { ApiError, asProblem } from './problem';
import { tokenStore as defaultTokenStore, type TokenStore } from './tokenStore';

/**
 * Typing of the paths. Until docs/openapi.json exists the endpoint modules in
 * src/api/endpoints cast responses to the hand-written types in ./types.
 * After `npm run gen:api`, replace this with:
 *   import type { paths } from './schema';
 *   export type ApiPaths = paths;
 * and the compiler points at every call that differs from the contract.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ApiPaths = any;

export const API_BASE_URL = '/api/v1';
export const TOKEN_PATH = '/auth/token';

/** Same origin as the page (absolute, so Request() also works outside a browser). */
function defaultBaseUrl(): string {
  const origin = typeof window !== 'undefined' ? window.location?.origin : undefined;
  return origin && origin !== 'null' ? `${origin}${API_BASE_URL}` : API_BASE_URL;
}

export interface ApiClientOptions {
  baseUrl?: string;
  tokens?: TokenStore;
  /** Called after a 401 from any endpoint except the token endpoint. */
  onUnauthorized?: () => void;
  fetch?: (input: Request) => Promise<Response>;
}

export interface ApiClient {
  http: Client<ApiPaths>;
  tokens: TokenStore;
  /** GET a file with the caller's credentials. */
  download(path: string, query?: Record<string, unknown>, fallbackName?: string): Promise<DownloadedFile>;
}

export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

export function authMiddleware(tokens: TokenStore, onUnauthorized?: () => void): Middleware {
  return {
    onRequest({ request }) {
      const token = tokens.get();
      if (token && !request.headers.has('Authorization')) {
        request.headers.set('Authorization', `Bearer ${token}`);
      }
      request.headers.set('Accept', request.headers.get('Accept') ?? 'application/json, application/problem+json');
      return request;
    },
    onResponse({ request, response }) {
      if (response.status === 401 && !new URL(request.url).pathname.endsWith(TOKEN_PATH)) {
        tokens.clear();
        onUnauthorized?.();
      }
      return undefined;
    },
  };
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const tokens = options.tokens ?? defaultTokenStore;
  const http = createClient<ApiPaths>({
    baseUrl: options.baseUrl ?? defaultBaseUrl(),
    // Resolved per call so a fetch installed later (tests, polyfills) is used.
    fetch: options.fetch ?? ((request: Request) => globalThis.fetch(request)),
  });
  http.use(authMiddleware(tokens, options.onUnauthorized));

  return {
    http,
    tokens,
    async download(path, query, fallbackName = 'download') {
      const result = await call(
        http.GET(path, { params: { query: cleanQuery(query ?? {}) }, parseAs: 'blob' }),
      );
      const blob = result.data as Blob;
      const fileName = fileNameFromDisposition(result.response.headers.get('Content-Disposition')) ?? fallbackName;
      return { blob, fileName };
    },
  };
}

interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** Awaits an openapi-fetch call and throws ApiError for non-2xx responses or network failures. */
export async function call(promise: Promise<FetchResult>): Promise<{ data: unknown; response: Response }> {
  let result: FetchResult;
  try {
    result = await promise;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new ApiError(0, null, `The server could not be reached (${message}).`);
  }
  if (!result.response.ok) {
    throw new ApiError(result.response.status, asProblem(result.error), result.response.statusText || undefined);
  }
  return { data: result.data, response: result.response };
}

/** Like `call`, returning only the body typed as T. */
export async function unwrap<T>(promise: Promise<FetchResult>): Promise<T> {
  const { data } = await call(promise);
  return data as T;
}

/** Drops undefined, null and empty-string values so they are not sent as `?x=`. */
export function cleanQuery(query: object): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    out[key] = value as string | number | boolean;
  }
  return out;
}

export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain filename
    }
  }
  const plain = /filename\s*=\s*("?)([^";]+)\1/i.exec(header);
  return plain ? plain[2].trim() : null;
}

// ---- The application's client ----------------------------------------------

const unauthorizedListeners = new Set<() => void>();

/** Subscribe to "the session is no longer valid" (a 401 from the API). */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export const api: ApiClient = createApiClient({
  onUnauthorized: () => unauthorizedListeners.forEach((listener) => listener()),
});
