import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDelivery, listDeliveries, redriveDeadDeliveries, redriveDelivery } from '../src/api/endpoints/deliveries';
import { generateDkimKey, getDkimRecord, getEmailSettings, saveEmailSettings, sendTestEmail } from '../src/api/endpoints/emailChannel';
import { getPreferences, updatePreferences } from '../src/api/endpoints/preferences';
import {
  createTemplate,
  listTemplates,
  previewTemplate,
  setTemplateArchived,
  updateTemplate,
  validateTemplate,
} from '../src/api/endpoints/templates';
import { ApiError } from '../src/api/problem';

function respondWith(status: number, body: unknown) {
  const seen: Request[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      seen.push(request);
      return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  return seen;
}

const emptyPage = { items: [], page: 1, pageSize: 50, total: 0 };

afterEach(() => vi.unstubAllGlobals());

describe('delivery endpoints', () => {
  it('list with only the filters that are set', async () => {
    const seen = respondWith(200, emptyPage);
    await listDeliveries({ status: 'dead', channel: '', category: 'marketing', contactId: '', page: 2, pageSize: 50 });
    const url = new URL(seen[0].url);
    expect(url.pathname).toBe('/api/v1/deliveries');
    expect(Object.fromEntries(url.searchParams)).toEqual({ status: 'dead', category: 'marketing', page: '2', pageSize: '50' });
  });

  it('read one delivery with its history and re-drive it', async () => {
    const seen = respondWith(200, { id: 'd1', status: 'queued', history: [] });
    await expect(getDelivery('d1')).resolves.toMatchObject({ id: 'd1', history: [] });
    await redriveDelivery('d1');
    expect(seen.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'GET /api/v1/deliveries/d1',
      'POST /api/v1/deliveries/d1/redrive',
    ]);
  });

  it('bulk re-drive sends the channel/category filter', async () => {
    const seen = respondWith(200, { redriven: 3 });
    await expect(redriveDeadDeliveries({ channel: 'email', category: '' })).resolves.toEqual({ redriven: 3 });
    expect(new URL(seen[0].url).pathname).toBe('/api/v1/deliveries/redrive');
    expect(await seen[0].json()).toEqual({ channel: 'email' });
  });
});

describe('template endpoints', () => {
  const body = { name: 'Order', description: null, subject: 'Hi', preheader: null, html: '<p>x</p>', text: null, variables: [] };

  it('search, create, save a version, check a draft, render and archive', async () => {
    const seen = respondWith(200, { id: 't1', version: 2 });
    await listTemplates({ search: 'order', includeArchived: true, page: 1, pageSize: 25 });
    expect(Object.fromEntries(new URL(seen[0].url).searchParams)).toEqual({
      search: 'order',
      includeArchived: 'true',
      page: '1',
      pageSize: '25',
    });
    await createTemplate(body);
    await updateTemplate('t1', { ...body, version: 1 });
    await validateTemplate(body);
    await previewTemplate('t1', { data: { order: { number: 'A-1' } }, version: 2 });
    await setTemplateArchived('t1', true);
    await setTemplateArchived('t1', false);
    expect(seen.slice(1).map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'POST /api/v1/content/templates',
      'PUT /api/v1/content/templates/t1',
      'POST /api/v1/content/templates/validate',
      'POST /api/v1/content/templates/t1/preview',
      'POST /api/v1/content/templates/t1/archive',
      'POST /api/v1/content/templates/t1/unarchive',
    ]);
    expect(await seen[2].json()).toEqual({ ...body, version: 1 });
    expect(await seen[4].json()).toEqual({ data: { order: { number: 'A-1' } }, version: 2 });
  });

  it('report strict-variable errors as field errors', async () => {
    respondWith(400, { title: 'Validation failed', status: 400, errors: { html: ['Unknown variable "data.nope"'] } });
    const error = await validateTemplate({ ...body, html: '{{data.nope}}' }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem?.errors).toEqual({ html: ['Unknown variable "data.nope"'] });
  });
});

describe('email channel endpoints', () => {
  it('treat 404 as "not configured yet"', async () => {
    respondWith(404, { title: 'Not found', status: 404 });
    await expect(getEmailSettings()).resolves.toBeNull();
    await expect(getDkimRecord()).resolves.toBeNull();
  });

  it('PUT the settings and POST DKIM and test requests', async () => {
    const seen = respondWith(200, { sent: true, provider: 'smtp', outcome: 'sent', providerMessageId: null, error: null });
    await saveEmailSettings({ provider: 'smtp', fromEmail: 'news@example.com', fromName: null, replyTo: null, host: '127.0.0.1', port: 2525, security: 'none', username: null });
    await generateDkimKey({ domain: 'example.com', selector: 'bh1' });
    await sendTestEmail('me@example.com');
    expect(seen.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'PUT /api/v1/channels/email/settings',
      'POST /api/v1/channels/email/dkim',
      'POST /api/v1/channels/email/test',
    ]);
    expect(await seen[2].json()).toEqual({ to: 'me@example.com' });
  });

  it('surface the provider reply of a failed test send', async () => {
    respondWith(422, { title: 'The provider did not accept the test email.', detail: '550 5.1.1 mailbox unavailable', status: 422 });
    await expect(sendTestEmail('me@example.com')).rejects.toThrow('550 5.1.1 mailbox unavailable');
  });
});

describe('preference endpoints', () => {
  it('read and change preferences behind the token', async () => {
    const seen = respondWith(200, { tenant: 'Acme', email: 'an***@example.com', channel: 'email', unsubscribedFromAll: false, channels: [] });
    await getPreferences('abc.def');
    await updatePreferences('abc.def', { email: false });
    expect(seen.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'GET /api/v1/preferences/abc.def',
      'PUT /api/v1/preferences/abc.def',
    ]);
    expect(await seen[1].json()).toEqual({ email: false });
  });
});
