import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addSegmentMembers,
  compareSegments,
  criteriaPreview,
  listSegmentMembers,
  listSegments,
  previewAudience,
  removeSegmentMembers,
  segmentsPreview,
  updateSegment,
} from '../src/api/endpoints/segments';
import type { SegmentPerformance } from '../src/api/types';
import { fieldValueToJson, fromCriteria, parseCriteriaText, toCriteria, whereToJson, type ConditionNode } from '../src/modules/segments/criteria';
import { formatRate, parseCompareIds, PERFORMANCE_ROWS } from '../src/modules/segments/performance';

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

afterEach(() => vi.unstubAllGlobals());

describe('segment endpoints', () => {
  it('list with the type and sort filters, leaving out the empty ones', async () => {
    const seen = respondWith(200, { items: [], page: 1, pageSize: 25, total: 0 });
    await listSegments({ search: '', type: 'static', sort: '-memberCount', page: 2, pageSize: 25 });
    const url = new URL(seen[0].url);
    expect(url.pathname).toBe('/api/v1/segments');
    expect(Object.fromEntries(url.searchParams)).toEqual({ type: 'static', sort: '-memberCount', page: '2', pageSize: '25' });
  });

  it('previews criteria or segments with the other side null, and reads reach', async () => {
    const answer = { size: 4, reach: { email: 3, sms: 1, whatsapp: 0, push: 0 }, sample: [] };
    const seen = respondWith(200, answer);
    const preview = await previewAudience(criteriaPreview({ all: [] }));
    expect(preview.reach.email).toBe(3);
    expect(await seen[0].json()).toEqual({ criteria: { all: [] }, segmentIds: null, excludeSegmentIds: null });
    await previewAudience(segmentsPreview(['a'], ['b']));
    expect(await seen[1].json()).toEqual({ criteria: null, segmentIds: ['a'], excludeSegmentIds: ['b'] });
    expect(new URL(seen[1].url).pathname).toBe('/api/v1/marketing/audiences/preview');
  });

  it('adds and removes static members with {"contactIds"}', async () => {
    const seen = respondWith(200, { changed: 2, memberCount: 5 });
    expect(await addSegmentMembers('s1', ['c1', 'c2'])).toEqual({ changed: 2, memberCount: 5 });
    await removeSegmentMembers('s1', ['c1']);
    expect([seen[0].method, new URL(seen[0].url).pathname]).toEqual(['POST', '/api/v1/segments/s1/members']);
    expect(await seen[0].json()).toEqual({ contactIds: ['c1', 'c2'] });
    expect([seen[1].method, new URL(seen[1].url).pathname]).toEqual(['DELETE', '/api/v1/segments/s1/members']);
    expect(await seen[1].json()).toEqual({ contactIds: ['c1'] });
  });

  it('pages members and compares segments by comma-separated ids', async () => {
    const seen = respondWith(200, { items: [], page: 1, pageSize: 10, total: 0 });
    await listSegmentMembers('s1', { page: 3, pageSize: 10 });
    expect(seen[0].url).toContain('/api/v1/segments/s1/members?page=3&pageSize=10');
    await compareSegments(['a', 'b', 'c']);
    expect(new URL(seen[1].url).searchParams.get('ids')).toBe('a,b,c');
  });

  it('patches only what changes', async () => {
    const seen = respondWith(200, {});
    await updateSegment('s1', { name: 'VIPs', description: null });
    expect(seen[0].method).toBe('PATCH');
    expect(await seen[0].json()).toEqual({ name: 'VIPs', description: null });
  });
});

describe('criteria: fields and event filters', () => {
  it('keeps an event condition\'s where filters and their value types through a round trip', () => {
    const json = {
      all: [
        {
          event: 'purchase',
          op: 'countGte',
          value: 1,
          where: [
            { field: 'sku', op: 'eq', value: 'SHOE' },
            { field: 'revenue', op: 'gte', value: 100 },
            { field: 'gift', op: 'eq', value: true },
            { field: 'size', op: 'in', value: [40, 41] },
            { field: 'coupon', op: 'isSet' },
          ],
        },
      ],
    };
    expect(toCriteria(fromCriteria(json))).toEqual(json);
    expect(toCriteria(parseCriteriaText(JSON.stringify(json)))).toEqual(json);
  });

  it('types where values by "compare as"', () => {
    const row = { id: 'w', field: 'revenue', op: 'between', value: '10', valueTo: '20.5', valueType: 'number' as const };
    expect(whereToJson(row)).toEqual({ field: 'revenue', op: 'between', value: [10, 20.5] });
    expect(whereToJson({ ...row, op: 'eq', value: '007', valueType: 'text' })).toEqual({ field: 'revenue', op: 'eq', value: '007' });
    expect(whereToJson({ ...row, field: ' sku ', op: 'in', value: 'A, B', valueType: 'text' })).toEqual({ field: 'sku', op: 'in', value: ['A', 'B'] });
  });

  it('does not write an empty where list', () => {
    const tree = fromCriteria({ event: 'login', op: 'none', withinLastDays: 30 });
    expect((tree.children[0] as ConditionNode).condition).toMatchObject({ type: 'event', where: [] });
    expect(toCriteria(tree)).toEqual({ all: [{ event: 'login', op: 'none', withinLastDays: 30 }] });
  });

  it('types metric values as numbers, also in lists', () => {
    expect(fieldValueToJson('metrics.orders', 'in', '1, 2', '')).toEqual([1, 2]);
    expect(fieldValueToJson('metrics.revenue', 'gt', '500', '')).toBe(500);
    expect(fieldValueToJson('country', 'in', 'RO, DE', '')).toEqual(['RO', 'DE']);
  });
});

describe('segment performance', () => {
  const performance: SegmentPerformance = {
    segmentId: 's',
    name: 'VIPs',
    members: 412,
    reach: { email: 380, sms: 95, whatsapp: 12, push: 0 },
    sent: 1200,
    opened: 640,
    clicked: 120,
    revenue: 48200.5,
    openRate: 0.5333,
    clickRate: 0.1,
  };

  it('shows every measure, rates as percentages', () => {
    const rows = Object.fromEntries(PERFORMANCE_ROWS.map((row) => [row.label, row.value(performance)]));
    expect(Object.keys(rows)).toEqual([
      'Members',
      'Reachable by email',
      'Reachable by SMS',
      'Reachable by WhatsApp',
      'Reachable by push',
      'Messages sent',
      'Opened',
      'Clicked',
      'Open rate',
      'Click rate',
      'Revenue',
    ]);
    expect(rows['Open rate']).toBe('53.3%');
    expect(rows['Click rate']).toBe('10.0%');
    expect(rows['Reachable by WhatsApp']).toBe(new Intl.NumberFormat().format(12));
  });

  it('shows no rate when nothing was sent', () => {
    expect(formatRate(0, 0)).toBe('—');
    expect(formatRate(0, 10)).toBe('0.0%');
  });

  it('reads 2–5 distinct valid ids from the compare URL', () => {
    const a = '0193a8e2-7c4d-7a10-9b1e-3f2d6c8e4a01';
    const b = '0193a8e2-7c4d-7a10-9b1e-3f2d6c8e4a02';
    expect(parseCompareIds(`${a},nope, ${b.toUpperCase()},${a}`)).toEqual([a, b]);
    expect(parseCompareIds(null)).toEqual([]);
    const many = Array.from({ length: 7 }, (_, i) => `0193a8e2-7c4d-7a10-9b1e-3f2d6c8e4a1${i}`).join(',');
    expect(parseCompareIds(many)).toHaveLength(5);
  });
});
