import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ChartCard } from '../src/components/ChartCard';

const rows = [
  { channel: 'paid_search', revenue: 300 },
  { channel: 'email', revenue: 100 },
];

function renderCard() {
  return render(
    <ChartCard
      title="Revenue by channel"
      chart={<div>the chart</div>}
      columns={[
        { label: 'Channel', value: (r) => r.channel, rowHeader: true },
        { label: 'Revenue', value: (r) => r.revenue, render: (r) => `RON ${r.revenue}`, align: 'right' },
      ]}
      rows={rows}
      rowKey={(r) => r.channel}
      fileNameSuffix="2026-11"
    />,
  );
}

describe('ChartCard', () => {
  it('switches between the chart and a captioned table of the same data', async () => {
    renderCard();
    expect(screen.getByText('the chart')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Table' }));
    const table = screen.getByRole('table', { name: 'Revenue by channel' });
    expect(within(table).getByRole('rowheader', { name: 'paid_search' })).toBeInTheDocument();
    expect(within(table).getByText('RON 300')).toBeInTheDocument();
    expect(screen.queryByText('the chart')).not.toBeInTheDocument();
  });

  it('exports the rows as CSV', async () => {
    const created: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:x';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderCard();
    await userEvent.click(screen.getByRole('button', { name: 'Export Revenue by channel as CSV' }));
    expect(click).toHaveBeenCalled();
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(created[0]); // the UTF-8 decoder drops the BOM
    });
    expect(text.replace(/^\ufeff/, '')).toBe('Channel,Revenue\r\npaid_search,300\r\nemail,100\r\n');
    expect(created[0].type).toBe('text/csv;charset=utf-8');
    click.mockRestore();
  });
});
