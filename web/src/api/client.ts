import createClient, {
  type Client,
  type ClientPathsWithMethod,
  type MaybeOptionalInit,
  type Middleware,
} from 'openapi-fetch';
import { ApiError, asProblem } from './problem';
import type { paths } from './schema';
import { tokenStore as defaultTokenStore, type TokenStore } from './tokenStore';

/**
 * The paths of docs/openapi.json, generated into ./schema.d.ts by `npm run gen:api`. Every call in
 * src/api/endpoints is checked against them: path, path/query parameters, request body and response body.
 * The document's paths carry the full `/api/v1/…` prefix, so the client's base URL is the page's origin.
 */
export type ApiPaths = paths;

export const TOKEN_PATH = '/api/v1/auth/token';

/** Paths that answer GET (used by `download`). */
export type GetPath = ClientPathsWithMethod<Client<ApiPaths>, 'get'>;

/** Same origin as the page (absolute, so Request() also works outside a browser). */
function defaultBaseUrl(): string {
  const origin = typeof window !== 'undefined' ? window.location?.origin : undefined;
  return origin && origin !== 'null' ? origin : '';
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
  download<P extends GetPath>(
    path: P,
    init: MaybeOptionalInit<ApiPaths[P], 'get'>,
    fallbackName?: string,
  ): Promise<DownloadedFile>;
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
    async download(path, init, fallbackName = 'download') {
      // `path` and `init` are checked against the document at the call site; here only `parseAs` is added, which
      // the generic signature cannot express. The body is the file, whatever its media type (the document gives
      // these responses no schema).
      const get = http.GET as (url: GetPath, init: object) => Promise<FetchResult<unknown>>;
      const { data, response } = await call<unknown>(get(path, { ...init, parseAs: 'blob' }));
      const blob = data as Blob;
      const fileName = fileNameFromDisposition(response.headers.get('Content-Disposition')) ?? fallbackName;
      return { blob, fileName };
    },
  };
}

/** What an openapi-fetch call resolves to; `D` is the documented success body. */
export interface FetchResult<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

/**
 * Awaits an openapi-fetch call and throws ApiError for non-2xx responses or network failures.
 * The body keeps its generated type (the union of the documented 2xx bodies).
 */
export async function call<D>(promise: Promise<FetchResult<D>>): Promise<{ data: D; response: Response }> {
  let result: FetchResult<D>;
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
  // A 2xx response was received, so `data` is the documented body (undefined only for 204 No Content).
  return { data: result.data as D, response: result.response };
}

/** Like `call`, returning only the body with its generated type. */
export async function unwrap<D>(promise: Promise<FetchResult<D>>): Promise<D> {
  const { data } = await call(promise);
  return data;
}

/** Drops undefined, null and empty-string values so they are not sent as `?x=`; keeps the value types. */
export function cleanQuery<T extends object>(query: T): { [K in keyof T]?: Exclude<T[K], null | undefined | ''> } {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    out[key] = value;
  }
  return out as { [K in keyof T]?: Exclude<T[K], null | undefined | ''> };
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
