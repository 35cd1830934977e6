import { describe, expect, it, vi } from 'vitest';
import { cleanQuery, createApiClient, fileNameFromDisposition, unwrap } from '../src/api/client';
import { ApiError } from '../src/api/problem';
import type { TokenStore } from '../src/api/tokenStore';

function memoryTokens(initial: string | null): TokenStore {
  let token = initial;
  return {
    get: () => token,
    set: (value) => {
      token = value;
    },
    clear: () => {
      token = null;
    },
  };
}

function json(status: number, body: unknown, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

function setup(token: string | null, respond: (request: Request) => Response) {
  const seen: Request[] = [];
  const onUnauthorized = vi.fn();
  const tokens = memoryTokens(token);
  const client = createApiClient({
    baseUrl: 'http://localhost',
    tokens,
    onUnauthorized,
    fetch: async (request) => {
      seen.push(request);
      return respond(request);
    },
  });
  return { client, seen, onUnauthorized, tokens };
}

describe('API client', () => {
  it('attaches the bearer token', async () => {
    const { client, seen } = setup('abc', () => json(200, { total: 0, items: [], page: 1, pageSize: 25 }));
    await unwrap(client.http.GET('/api/v1/contacts', { params: { query: cleanQuery({ search: 'ana', tag: '' }) } }));
    expect(seen[0].headers.get('Authorization')).toBe('Bearer abc');
    expect(new URL(seen[0].url).pathname).toBe('/api/v1/contacts');
    expect(new URL(seen[0].url).search).toBe('?search=ana');
  });

  it('sends no Authorization header without a token', async () => {
    const { client, seen } = setup(null, () => json(200, {}));
    await unwrap(client.http.GET('/api/v1/me'));
    expect(seen[0].headers.has('Authorization')).toBe(false);
  });

  it('clears the token and reports a 401', async () => {
    const { client, onUnauthorized, tokens } = setup('expired', () =>
      json(401, { title: 'Unauthorized', status: 401 }, 'application/problem+json'),
    );
    const failure = unwrap(client.http.GET('/api/v1/me'));
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(tokens.get()).toBeNull();
  });

  it('does not treat a failed sign-in as an expired session', async () => {
    const { client, onUnauthorized } = setup(null, () =>
      json(401, { title: 'Invalid credentials', detail: 'Email or password is wrong.' }),
    );
    await expect(
      unwrap(client.http.POST('/api/v1/auth/token', { body: { email: 'a@b.co', password: 'x' } })),
    ).rejects.toMatchObject({ status: 401, message: 'Email or password is wrong.' });
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('turns problem details into ApiError with field errors', async () => {
    const { client } = setup('t', () =>
      json(400, { title: 'Validation failed', status: 400, errors: { email: ['Invalid.'] } }, 'application/problem+json'),
    );
    const error = await unwrap(client.http.POST('/api/v1/contacts', { body: {} })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem?.errors).toEqual({ email: ['Invalid.'] });
  });

  it('reports network failures as status 0', async () => {
    const client = createApiClient({
      baseUrl: 'http://localhost',
      tokens: memoryTokens(null),
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    await expect(unwrap(client.http.GET('/api/v1/me'))).rejects.toMatchObject({ status: 0 });
  });

  it('downloads files with the token and the server file name', async () => {
    const { client, seen } = setup('tok', () =>
      new Response('row,error\n', {
        status: 200,
        headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="errors.csv"' },
      }),
    );
    const file = await client.download('/api/v1/contacts/imports/{id}/errors.csv', { params: { path: { id: '7' } } });
    expect(seen[0].headers.get('Authorization')).toBe('Bearer tok');
    expect(new URL(seen[0].url).pathname).toBe('/api/v1/contacts/imports/7/errors.csv');
    expect(file.fileName).toBe('errors.csv');
    expect(await file.blob.text()).toBe('row,error\n');
  });
});

describe('fileNameFromDisposition', () => {
  it('reads plain and RFC 5987 names', () => {
    expect(fileNameFromDisposition('attachment; filename=audit.csv')).toBe('audit.csv');
    expect(fileNameFromDisposition("attachment; filename*=UTF-8''contact%201.json")).toBe('contact 1.json');
    expect(fileNameFromDisposition(null)).toBeNull();
  });
});
