import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { AuthProvider } from '../src/auth/AuthProvider';
import { LoginPage } from '../src/modules/auth/LoginPage';

function renderLogin() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={['/login']}>
        <AuthProvider>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/" element={<p>Signed in home</p>} />
          </Routes>
        </AuthProvider>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

function respond(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json' } });
}

describe('LoginPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('labels its fields and validates before calling the API', async () => {
    const fetchStub = vi.fn();
    vi.stubGlobal('fetch', fetchStub);
    renderLogin();
    expect(document.title).toBe('Sign in · BrandHub');
    expect(screen.getByLabelText('Email', { exact: true })).toBeInTheDocument();
    expect(screen.getByLabelText('Password', { exact: true })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter your email address.')).toBeInTheDocument();
    expect(fetchStub).not.toHaveBeenCalled();
  });

  it('shows "too many attempts" on 429', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => respond(429, { title: 'Too Many Requests', status: 429 })));
    renderLogin();
    await userEvent.type(screen.getByLabelText('Email', { exact: true }), 'ana@example.com');
    await userEvent.type(screen.getByLabelText('Password', { exact: true }), 'secret');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/too many attempts/i);
  });

  it('shows the problem detail for wrong credentials', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => respond(401, { title: 'Unauthorized', detail: 'Wrong email or password.' })));
    renderLogin();
    await userEvent.type(screen.getByLabelText('Email', { exact: true }), 'ana@example.com');
    await userEvent.type(screen.getByLabelText('Password', { exact: true }), 'nope');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong email or password.');
  });

  it('stores the token and goes home on success', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        const path = new URL(request.url).pathname;
        if (path.endsWith('/auth/token')) {
          return new Response(JSON.stringify({ access_token: 'jwt-1', token_type: 'Bearer', expires_in: 3600 }), { status: 200 });
        }
        return new Response(
          JSON.stringify({ userId: 'u1', email: 'ana@example.com', displayName: 'Ana', role: 'owner', scopes: [], tenant: { id: 't', name: 'Demo', defaultCountry: 'RO', timezone: 'Europe/Bucharest' } }),
          { status: 200 },
        );
      }),
    );
    renderLogin();
    await userEvent.type(screen.getByLabelText('Email', { exact: true }), 'ana@example.com');
    await userEvent.type(screen.getByLabelText('Password', { exact: true }), 'right');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Signed in home')).toBeInTheDocument();
    expect(sessionStorage.getItem('brandhub.token')).toBe('jwt-1');
  });
});
