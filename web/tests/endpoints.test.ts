import { afterEach, describe, expect, it, vi } from 'vitest';
import { createContact, listContacts } from '../src/api/endpoints/contacts';
import { startImport } from '../src/api/endpoints/imports';
import { createApiKey, listUsers, updateTenant } from '../src/api/endpoints/settings';

/** Stubs fetch for the app's client and records what it was asked. */
function respondWith(status: number, body: unknown, headers: Record<string, string> = {}) {
  const seen: Request[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      seen.push(request);
      return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
    }),
  );
  return seen;
}

const emptyPage = { items: [], page: 1, pageSize: 25, total: 0 };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('endpoint modules', () => {
  it('call the documented /api/v1 paths', async () => {
    const seen = respondWith(200, emptyPage);
    await listContacts({ search: 'ana', page: 2, pageSize: 25 });
    const url = new URL(seen[0].url);
    expect(url.pathname).toBe('/api/v1/contacts');
    expect(Object.fromEntries(url.searchParams)).toEqual({ search: 'ana', page: '2', pageSize: '25' });
  });

  it('send a consent filter only with both channel and status (the host answers 400 otherwise)', async () => {
    const seen = respondWith(200, emptyPage);
    await listContacts({ consentChannel: 'email', consentStatus: '' });
    expect(new URL(seen[0].url).searchParams.has('consentChannel')).toBe(false);
    await listContacts({ consentChannel: 'email', consentStatus: 'opted_in' });
    expect(Object.fromEntries(new URL(seen[1].url).searchParams)).toEqual({
      consentChannel: 'email',
      consentStatus: 'opted_in',
    });
  });

  it('report a merge from the X-BrandHub-Merged header', async () => {
    respondWith(200, { id: 'c1', email: 'ana@example.com' }, { 'X-BrandHub-Merged': 'true' });
    const result = await createContact({ email: 'ana@example.com' });
    expect(result).toMatchObject({ merged: true, contact: { id: 'c1' } });
  });

  it('send every tenant setting, null meaning unchanged', async () => {
    const seen = respondWith(200, { id: 't', name: 'Demo', slug: 'demo', defaultCountry: 'RO', timezone: 'Europe/Bucharest' });
    await updateTenant({ name: 'Demo', defaultCountry: null, timezone: null });
    expect(seen[0].method).toBe('PATCH');
    expect(await seen[0].json()).toEqual({ name: 'Demo', defaultCountry: null, timezone: null });
  });

  it('page through the users like every other list', async () => {
    const seen = respondWith(200, { ...emptyPage, page: 2, pageSize: 10 });
    await expect(listUsers({ page: 2, pageSize: 10 })).resolves.toMatchObject({ page: 2, pageSize: 10, items: [] });
    const url = new URL(seen[0].url);
    expect(url.pathname).toBe('/api/v1/users');
    expect(Object.fromEntries(url.searchParams)).toEqual({ page: '2', pageSize: '10' });
  });

  it('return the once-only API key from the 201 body', async () => {
    respondWith(201, { id: 'k', name: 'ERP', prefix: 'bh_1', role: 'marketer', key: 'bh_1_secret' });
    await expect(createApiKey({ name: 'ERP', role: 'marketer' })).resolves.toMatchObject({ key: 'bh_1_secret' });
  });
});

describe('CSV upload', () => {
  it('posts the file, mapping and options as multipart form fields', async () => {
    const seen = respondWith(202, { id: 'i1', status: 'queued' });
    const file = new File(['Email\nana@example.com\n'], 'people.csv', { type: 'text/csv' });
    await startImport(file, { Email: 'email' }, { delimiter: ',', tags: ['vip'], consentSource: 'import' });
    const request = seen[0];
    expect(new URL(request.url).pathname).toBe('/api/v1/contacts/imports');
    expect(request.headers.get('Content-Type')).toMatch(/^multipart\/form-data; boundary=/);
    const form = await request.formData();
    expect(form.get('mapping')).toBe('{"Email":"email"}');
    expect(form.get('options')).toBe('{"delimiter":",","tags":["vip"],"consentSource":"import"}');
    // (jsdom's File loses its name when Node's fetch serialises the form, so only the content is checked.)
    expect(await (form.get('file') as Blob).text()).toBe('Email\nana@example.com\n');
  });
});
