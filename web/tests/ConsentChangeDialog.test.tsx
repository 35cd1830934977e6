import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConsentChangeDialog } from '../src/modules/contact-profile/ConsentChangeDialog';
import { ConsentChannelsTable } from '../src/modules/contact-profile/ConsentChannelsTable';

function withQuery(ui: React.ReactNode) {
  return <QueryClientProvider client={new QueryClient()}>{ui}</QueryClientProvider>;
}

describe('ConsentChannelsTable', () => {
  it('has a named Change button per channel', () => {
    const onChange = vi.fn();
    render(<ConsentChannelsTable channels={[]} canChange onChange={onChange} />);
    for (const channel of ['email', 'sms', 'whatsapp', 'push', 'profiling']) {
      expect(screen.getByRole('button', { name: `Change ${channel} consent` })).toBeInTheDocument();
    }
  });

  it('hides the buttons without consents:write', () => {
    render(<ConsentChannelsTable channels={[]} canChange={false} onChange={vi.fn()} />);
    expect(screen.queryByRole('button', { name: /Change/ })).toBeNull();
  });
});

describe('ConsentChangeDialog', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('labels every field and sends the change with nested proof', async () => {
    const requests: { method: string; path: string; body: unknown }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        requests.push({ method: request.method, path: new URL(request.url).pathname, body: await request.json() });
        return new Response(JSON.stringify({ globalUnsubscribe: false, channels: [], history: [] }), { status: 200 });
      }),
    );
    const onClose = vi.fn();
    render(withQuery(<ConsentChangeDialog contactId="c1" channel="sms" current={undefined} onClose={onClose} />));

    await userEvent.selectOptions(screen.getByLabelText('Status'), 'opted_in');
    await userEvent.selectOptions(screen.getByLabelText('Legal basis'), 'consent');
    await userEvent.type(screen.getByLabelText('Source'), 'store visit');
    await userEvent.type(screen.getByLabelText('IP address'), '198.51.100.4');
    await userEvent.type(screen.getByLabelText('User agent'), 'Kiosk/1.0');
    await userEvent.type(screen.getByLabelText('Reference'), 'form-77');
    await userEvent.click(screen.getByRole('button', { name: 'Save consent' }));

    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(requests).toEqual([
      {
        method: 'PUT',
        path: '/api/v1/contacts/c1/consents',
        body: {
          channel: 'sms',
          status: 'opted_in',
          source: 'store visit',
          legalBasis: 'consent',
          proof: { ip: '198.51.100.4', userAgent: 'Kiosk/1.0', reference: 'form-77' },
        },
      },
    ]);
  });

  it('puts server field errors on the matching inputs', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(
            JSON.stringify({ title: 'Validation failed', status: 400, errors: { 'Proof.Ip': ['IP is not allowed.'] } }),
            { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
          ),
      ),
    );
    render(withQuery(<ConsentChangeDialog contactId="c1" channel="email" current={undefined} onClose={vi.fn()} />));
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'opted_out');
    await userEvent.type(screen.getByLabelText('Source'), 'phone call');
    await userEvent.type(screen.getByLabelText('IP address'), '10.0.0.1');
    await userEvent.click(screen.getByRole('button', { name: 'Save consent' }));
    expect(await screen.findByText('IP is not allowed.')).toBeInTheDocument();
    expect(screen.getByLabelText('IP address')).toHaveAttribute('aria-invalid', 'true');
  });
});
