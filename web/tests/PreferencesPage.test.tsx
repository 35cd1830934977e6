import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router';
import { PreferencesPage } from '../src/modules/preferences/PreferencesPage';

const view = (emailStatus: string) => ({
  tenant: 'Acme Shop',
  email: 'an***@example.com',
  channel: 'email',
  unsubscribedFromAll: false,
  channels: [
    { channel: 'email', status: emailStatus, subscribed: emailStatus === 'opted_in' },
    { channel: 'sms', status: 'unknown', subscribed: false },
    { channel: 'whatsapp', status: 'unknown', subscribed: false },
    { channel: 'push', status: 'unknown', subscribed: false },
  ],
});

function renderAt(path: string) {
  return render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/u/:token" element={<PreferencesPage />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('PreferencesPage', () => {
  it('unsubscribes from email with one click and confirms it', async () => {
    const requests: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        const body = request.method === 'PUT' ? await request.text() : '';
        requests.push(`${request.method} ${new URL(request.url).pathname} ${body}`.trim());
        return new Response(JSON.stringify(view(request.method === 'PUT' ? 'opted_out' : 'opted_in')), { status: 200 });
      }),
    );
    renderAt('/u/tok.sig');
    expect(await screen.findByRole('heading', { name: 'Acme Shop' })).toBeInTheDocument();
    expect(screen.getByText(/an\*\*\*@example\.com/)).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: 'Email' })).toBeChecked();

    await userEvent.click(screen.getByRole('button', { name: 'Unsubscribe from all email' }));

    expect(await screen.findByText('You are unsubscribed')).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: 'Email' })).not.toBeChecked();
    expect(requests).toEqual(['GET /api/v1/preferences/tok.sig', 'PUT /api/v1/preferences/tok.sig {"email":false}']);
  });

  it('explains an invalid or expired link', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ title: 'Link not found', status: 404 }), { status: 404 })));
    renderAt('/u/forged');
    expect(await screen.findByRole('heading', { name: 'This link does not work' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Unsubscribe/ })).toBeNull();
  });
});
