import { describe, expect, it } from 'vitest';
import {
  appendChild,
  countConditions,
  fieldValueToJson,
  fromCriteria,
  mapCriteriaErrors,
  newCondition,
  newGroup,
  parseCriteriaText,
  removeNode,
  toCriteria,
  CriteriaParseError,
  type ConditionNode,
  type GroupNode,
} from '../src/modules/segments/criteria';

const SAMPLE = {
  all: [
    { field: 'country', op: 'in', value: ['DE', 'AT'] },
    { consent: 'email' },
    { not: { event: 'login', op: 'none', withinLastDays: 30 } },
    { any: [{ field: 'metrics.revenue', op: 'between', value: [100, 500] }, { segment: 'seg-1' }] },
    { field: 'tags', op: 'isSet' },
    { event: 'purchase', op: 'countGte', value: 2, withinLastDays: 90 },
    { field: 'metrics.lastOrderAt', op: 'withinLastDays', value: 30 },
    { field: 'createdAt', op: 'between', value: ['2026-01-01', '2026-02-01'] },
  ],
};

describe('criteria tree ↔ JSON', () => {
  it('round-trips every kind of node', () => {
    const tree = fromCriteria(SAMPLE);
    expect(tree.op).toBe('all');
    expect(countConditions(tree)).toBe(9);
    expect(toCriteria(tree)).toEqual(SAMPLE);
  });

  it('keeps NOT as a flag on the node it wraps, on groups too', () => {
    const json = { any: [{ not: { all: [{ consent: 'sms' }] } }] };
    const tree = fromCriteria(json);
    const inner = tree.children[0] as GroupNode;
    expect(inner.kind).toBe('group');
    expect(inner.negate).toBe(true);
    expect(toCriteria(tree)).toEqual(json);
  });

  it('wraps a lone condition or a negated root in an "all" group', () => {
    expect(toCriteria(fromCriteria({ consent: 'email' }))).toEqual({ all: [{ consent: 'email' }] });
    expect(toCriteria(fromCriteria({ not: { any: [] } }))).toEqual({ all: [{ not: { any: [] } }] });
    expect(toCriteria(fromCriteria(null))).toEqual({ all: [] });
  });

  it('keeps a double NOT (the outer one on a one-condition group)', () => {
    const json = { all: [{ not: { not: { consent: 'push' } } }] };
    expect(toCriteria(fromCriteria(json))).toEqual({ all: [{ not: { all: [{ not: { consent: 'push' } }] } }] });
  });

  it('types values by field and operator', () => {
    expect(fieldValueToJson('metrics.orders', 'gte', ' 3 ', '')).toBe(3);
    expect(fieldValueToJson('email', 'eq', ' a@b.c ', '')).toBe('a@b.c');
    expect(fieldValueToJson('tags', 'in', 'vip, , gold', '')).toEqual(['vip', 'gold']);
    expect(fieldValueToJson('email', 'isSet', 'x', '')).toBeUndefined();
    expect(fieldValueToJson('attributes.tier', 'gt', '2', '')).toBe(2);
    expect(fieldValueToJson('attributes.tier', 'eq', 'gold', '')).toBe('gold');
    expect(fieldValueToJson('createdAt', 'between', '2026-01-01', '2026-02-01')).toEqual(['2026-01-01', '2026-02-01']);
  });

  it('reports where the JSON is not criteria', () => {
    expect(() => parseCriteriaText('{"all":[{"field":"email","op":"eq"},{"bogus":1}]}')).toThrow(CriteriaParseError);
    expect(() => parseCriteriaText('{"all":[{"bogus":1}]}')).toThrow(/criteria\.all\[0\]/);
    expect(() => parseCriteriaText('{not json')).toThrow(SyntaxError);
  });

  it('edits immutably: append, remove', () => {
    const root = newGroup();
    const condition = newCondition('consent');
    const added = appendChild(root, root.id, condition);
    expect(root.children).toHaveLength(0);
    expect(toCriteria(added)).toEqual({ all: [{ consent: 'email' }] });
    expect(toCriteria(removeNode(added, condition.id))).toEqual({ all: [] });
  });
});

describe('server error paths → nodes', () => {
  it('puts each error on the node with the longest matching path', () => {
    const tree = fromCriteria(SAMPLE);
    const country = tree.children[0] as ConditionNode;
    const login = tree.children[2] as ConditionNode;
    const anyGroup = tree.children[3] as GroupNode;
    const revenue = anyGroup.children[0];
    const mapped = mapCriteriaErrors(tree, {
      'criteria.all[0].op': ['Unknown operator.'],
      'criteria.all[2].not.withinLastDays': 'Must be positive.',
      'criteria.all[3].any[0].value': ['Give two numbers.'],
      criteria: ['Too deep.'],
      name: ['Required.'],
      'criteria.all[99].field': ['Unknown field.'],
    });
    expect(mapped.byNode[country.id]).toEqual(['op: Unknown operator.']);
    expect(mapped.byNode[login.id]).toEqual(['withinLastDays: Must be positive.']);
    expect(mapped.byNode[revenue.id]).toEqual(['value: Give two numbers.']);
    expect(mapped.byNode[tree.id]).toEqual(['Too deep.', 'all.99.field: Unknown field.']);
    expect(mapped.other).toEqual(['name: Required.']);
  });

  it('handles no errors', () => {
    expect(mapCriteriaErrors(newGroup(), undefined)).toEqual({ byNode: {}, other: [] });
  });
});
