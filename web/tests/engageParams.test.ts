import { describe, expect, it } from 'vitest';
import { applyParamChanges } from '../src/lib/searchParams';
import { DELIVERY_PAGE_SIZE, hasDeliveryFilters, readDeliveryFilters, toDeliveryQuery } from '../src/modules/deliveries/deliveryParams';
import { readTemplateFilters, toParamChanges, toTemplateQuery } from '../src/modules/templates/templateListParams';

describe('delivery filters in the URL', () => {
  it('read known values and ignore the rest', () => {
    const filters = readDeliveryFilters(
      new URLSearchParams('status=dead&channel=fax&category=marketing&contactId=%20c1%20&from=2026-03-01&to=bad&page=3&pageSize=9999'),
    );
    expect(filters).toEqual({
      status: 'dead',
      channel: '',
      category: 'marketing',
      contactId: 'c1',
      from: '2026-03-01',
      to: '',
      page: 3,
      pageSize: 200,
    });
    expect(hasDeliveryFilters(filters)).toBe(true);
  });

  it('default to the first page of everything', () => {
    const filters = readDeliveryFilters(new URLSearchParams('status=nonsense&page=-1'));
    expect(filters).toMatchObject({ status: '', page: 1, pageSize: DELIVERY_PAGE_SIZE });
    expect(hasDeliveryFilters(filters)).toBe(false);
  });

  it('turn local days into an inclusive range of instants', () => {
    const query = toDeliveryQuery(readDeliveryFilters(new URLSearchParams('from=2026-03-01&to=2026-03-02')));
    expect(new Date(query.from!).getTime()).toBe(new Date('2026-03-01T00:00:00').getTime());
    expect(new Date(query.to!).getTime()).toBe(new Date('2026-03-02T23:59:59.999').getTime());
    expect(toDeliveryQuery(readDeliveryFilters(new URLSearchParams())).from).toBeUndefined();
  });

  it('a filter change returns to page 1 and drops defaults and empties', () => {
    const current = new URLSearchParams('status=dead&page=4&delivery=d1');
    expect(applyParamChanges(current, { category: 'marketing' }).toString()).toBe('status=dead&delivery=d1&category=marketing');
    expect(applyParamChanges(current, { status: '' }).toString()).toBe('delivery=d1');
    expect(applyParamChanges(current, { page: 5 }).toString()).toBe('status=dead&page=5&delivery=d1');
    expect(applyParamChanges(current, { pageSize: 50 }, { pageSize: 50 }).toString()).toBe('status=dead&delivery=d1');
  });
});

describe('template list filters in the URL', () => {
  it('round-trip search and the archived switch', () => {
    const filters = readTemplateFilters(new URLSearchParams('search=%20order%20&archived=true&page=2'));
    expect(filters).toEqual({ search: 'order', archived: true, page: 2, pageSize: 25 });
    expect(toTemplateQuery(filters)).toEqual({ search: 'order', includeArchived: true, page: 2, pageSize: 25 });
    expect(toParamChanges({ archived: false })).toEqual({ archived: '' });
    expect(toParamChanges({ search: 'x' })).toEqual({ search: 'x' });
    expect(readTemplateFilters(new URLSearchParams('archived=yes')).archived).toBe(false);
  });
});
