import type { CriteriaNode, EventWhere } from '../../api/types';
import { normaliseFieldKey } from '../../api/problem';

// The segment builder's tree and its conversion to and from the criteria JSON of the segments API.
//   groups      {"all":[…]}, {"any":[…]}, {"not":{…}}
//   conditions  {"field","op","value"}, {"consent"}, {"event","op","value","withinLastDays","where"}, {"segment"}
// A NOT is a flag on the node it wraps, so the editor shows a toggle rather than an extra level.

export type FieldKind = 'text' | 'code' | 'enum' | 'tags' | 'number' | 'date' | 'attribute';

export interface FieldDef {
  field: string;
  label: string;
  kind: FieldKind;
  options?: readonly string[];
}

/** The contact fields of docs/SEGMENTS.md ("Fields and operators"), then custom attributes. */
export const FIELDS: readonly FieldDef[] = [
  { field: 'email', label: 'Email', kind: 'text' },
  { field: 'phone', label: 'Phone', kind: 'text' },
  { field: 'firstName', label: 'First name', kind: 'text' },
  { field: 'lastName', label: 'Last name', kind: 'text' },
  { field: 'company', label: 'Company', kind: 'text' },
  { field: 'city', label: 'City', kind: 'text' },
  { field: 'country', label: 'Country (ISO code)', kind: 'code' },
  { field: 'locale', label: 'Locale', kind: 'text' },
  { field: 'timezone', label: 'Time zone', kind: 'text' },
  { field: 'taxId', label: 'Tax id', kind: 'text' },
  {
    field: 'lifecycleStage',
    label: 'Lifecycle stage',
    kind: 'enum',
    options: ['subscriber', 'lead', 'prospect', 'customer', 'repeat_customer', 'churned'],
  },
  { field: 'tags', label: 'Tags', kind: 'tags' },
  { field: 'metrics.orders', label: 'Orders', kind: 'number' },
  { field: 'metrics.revenue', label: 'Revenue', kind: 'number' },
  { field: 'metrics.lastOrderAt', label: 'Last order', kind: 'date' },
  { field: 'metrics.lastSeenAt', label: 'Last seen', kind: 'date' },
  { field: 'createdAt', label: 'Created', kind: 'date' },
  { field: 'updatedAt', label: 'Updated', kind: 'date' },
  { field: 'attributes.', label: 'Custom attribute…', kind: 'attribute' },
];

export const OPS_BY_KIND: Record<FieldKind, readonly string[]> = {
  text: ['eq', 'neq', 'contains', 'in', 'isSet', 'isNotSet'],
  code: ['eq', 'neq', 'in', 'isSet', 'isNotSet'],
  enum: ['eq', 'neq', 'in', 'isSet', 'isNotSet'],
  tags: ['contains', 'eq', 'neq', 'in', 'isSet', 'isNotSet'],
  number: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'in', 'isSet', 'isNotSet'],
  date: ['before', 'after', 'between', 'withinLastDays', 'isSet', 'isNotSet'],
  // The attribute's declared type decides on the host; the union of the operators is offered.
  attribute: ['eq', 'neq', 'contains', 'in', 'gt', 'gte', 'lt', 'lte', 'between', 'before', 'after', 'withinLastDays', 'isSet', 'isNotSet'],
};

/** Operators of an event's `where` filter on its properties. */
export const WHERE_OPS = ['eq', 'neq', 'contains', 'in', 'gt', 'gte', 'lt', 'lte', 'between', 'isSet', 'isNotSet'] as const;
/** How a `where` value is compared: the JSON type of the value decides on the host. */
export type WhereValueType = 'text' | 'number' | 'bool';

export const OP_LABELS: Record<string, string> = {
  eq: 'is',
  neq: 'is not',
  contains: 'contains',
  in: 'is one of',
  gt: 'greater than',
  gte: 'at least',
  lt: 'less than',
  lte: 'at most',
  between: 'between',
  before: 'before',
  after: 'after',
  withinLastDays: 'within the last … days',
  isSet: 'is set',
  isNotSet: 'is not set',
};

export const EVENT_OPS = ['countGte', 'countLt', 'none'] as const;
export const EVENT_OP_LABELS: Record<string, string> = {
  countGte: 'at least … times',
  countLt: 'fewer than … times',
  none: 'not at all',
};

export const CONSENT_OPTIONS = ['email', 'sms', 'whatsapp', 'push', 'profiling'] as const;

export function fieldDef(field: string): FieldDef {
  if (field.startsWith('attributes.')) return FIELDS[FIELDS.length - 1];
  return FIELDS.find((f) => f.field === field) ?? { field, label: field, kind: 'attribute' };
}

export function opsFor(field: string): readonly string[] {
  return OPS_BY_KIND[fieldDef(field).kind];
}

export type Condition =
  | { type: 'field'; field: string; op: string; value: string; valueTo: string }
  | { type: 'consent'; channel: string }
  | { type: 'event'; event: string; op: string; count: string; withinLastDays: string; where: WhereRow[] }
  | { type: 'segment'; segmentId: string };

/** One property filter of an event condition, as the editor holds it. */
export interface WhereRow {
  id: string;
  field: string;
  op: string;
  value: string;
  valueTo: string;
  valueType: WhereValueType;
}

export interface GroupNode {
  kind: 'group';
  id: string;
  op: 'all' | 'any';
  negate: boolean;
  children: TreeNode[];
}

export interface ConditionNode {
  kind: 'condition';
  id: string;
  negate: boolean;
  condition: Condition;
}

export type TreeNode = GroupNode | ConditionNode;

let sequence = 0;
export function nextId(): string {
  sequence += 1;
  return `n${sequence}`;
}

export function newGroup(op: 'all' | 'any' = 'all', children: TreeNode[] = []): GroupNode {
  return { kind: 'group', id: nextId(), op, negate: false, children };
}

export function newCondition(type: Condition['type'] = 'field'): ConditionNode {
  const condition: Condition =
    type === 'field'
      ? { type, field: 'email', op: 'contains', value: '', valueTo: '' }
      : type === 'consent'
        ? { type, channel: 'email' }
        : type === 'event'
          ? { type, event: 'purchase', op: 'countGte', count: '1', withinLastDays: '90', where: [] }
          : { type, segmentId: '' };
  return { kind: 'condition', id: nextId(), negate: false, condition };
}

export function newWhereRow(): WhereRow {
  return { id: nextId(), field: 'sku', op: 'eq', value: '', valueTo: '', valueType: 'text' };
}

// ---- values --------------------------------------------------------------------

const NO_VALUE_OPS = new Set(['isSet', 'isNotSet']);

function numberOrText(text: string): number | string {
  const trimmed = text.trim();
  return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
}

function listOf(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/** The JSON `value` of a field condition from the editor's text inputs, typed by the field and operator. */
export function fieldValueToJson(field: string, op: string, value: string, valueTo: string): unknown {
  if (NO_VALUE_OPS.has(op)) return undefined;
  const kind = fieldDef(field).kind;
  if (op === 'in') return kind === 'number' ? listOf(value).map(numberOrText) : listOf(value);
  if (op === 'withinLastDays') return numberOrText(value);
  if (op === 'between') {
    return kind === 'date' ? [value.trim(), valueTo.trim()] : [numberOrText(value), numberOrText(valueTo)];
  }
  if (kind === 'number') return numberOrText(value);
  if (kind === 'attribute' && ['gt', 'gte', 'lt', 'lte'].includes(op)) return numberOrText(value);
  return value.trim();
}

/** The editor's text inputs for a JSON `value`. */
export function fieldValueFromJson(value: unknown): { value: string; valueTo: string } {
  if (value === undefined || value === null) return { value: '', valueTo: '' };
  if (Array.isArray(value)) {
    return value.length === 2 && (typeof value[0] === 'number' || /^\d{4}-\d{2}-\d{2}/.test(String(value[0])))
      ? { value: String(value[0]), valueTo: String(value[1]) }
      : { value: value.map(String).join(', '), valueTo: '' };
  }
  return { value: String(value), valueTo: '' };
}

function typedValue(text: string, valueType: WhereValueType): unknown {
  if (valueType === 'number') return numberOrText(text);
  if (valueType === 'bool') return text.trim().toLowerCase() === 'true';
  return text.trim();
}

/** The JSON of an event's property filter; the value's JSON type follows the row's "compare as". */
export function whereToJson(row: WhereRow): EventWhere {
  const field = row.field.trim();
  if (NO_VALUE_OPS.has(row.op)) return { field, op: row.op };
  if (row.op === 'in') return { field, op: row.op, value: listOf(row.value).map((v) => typedValue(v, row.valueType)) };
  if (row.op === 'between') return { field, op: row.op, value: [typedValue(row.value, row.valueType), typedValue(row.valueTo, row.valueType)] };
  return { field, op: row.op, value: typedValue(row.value, row.valueType) };
}

function valueTypeOf(value: unknown): WhereValueType {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'number' ? 'number' : typeof first === 'boolean' ? 'bool' : 'text';
}

/** The editor's row for an event's property filter: the JSON type of the value is kept as "compare as". */
export function whereFromJson(json: unknown, path: string): WhereRow {
  if (!isObject(json) || typeof json.field !== 'string') throw new CriteriaParseError('expected {"field","op","value"}', path);
  const op = typeof json.op === 'string' ? json.op : 'eq';
  const value = json.value;
  const text =
    op === 'between' && Array.isArray(value)
      ? { value: String(value[0] ?? ''), valueTo: String(value[1] ?? '') }
      : Array.isArray(value)
        ? { value: value.map(String).join(', '), valueTo: '' }
        : { value: value === undefined || value === null ? '' : String(value), valueTo: '' };
  return { id: nextId(), field: json.field, op, ...text, valueType: valueTypeOf(value) };
}

// ---- tree → JSON ---------------------------------------------------------------

function conditionToJson(condition: Condition): CriteriaNode {
  switch (condition.type) {
    case 'field': {
      const value = fieldValueToJson(condition.field, condition.op, condition.value, condition.valueTo);
      return value === undefined ? { field: condition.field, op: condition.op } : { field: condition.field, op: condition.op, value };
    }
    case 'consent':
      return { consent: condition.channel };
    case 'event': {
      const node: { event: string; op: string; value?: number; withinLastDays?: number; where?: EventWhere[] } = { event: condition.event.trim(), op: condition.op };
      if (condition.op !== 'none' && condition.count.trim() !== '') node.value = Number(condition.count);
      if (condition.withinLastDays.trim() !== '') node.withinLastDays = Number(condition.withinLastDays);
      if (condition.where.length > 0) node.where = condition.where.map(whereToJson);
      return node;
    }
    case 'segment':
      return { segment: condition.segmentId };
  }
}

export function toCriteria(node: TreeNode): CriteriaNode {
  const inner: CriteriaNode =
    node.kind === 'group'
      ? node.op === 'all'
        ? { all: node.children.map(toCriteria) }
        : { any: node.children.map(toCriteria) }
      : conditionToJson(node.condition);
  return node.negate ? { not: inner } : inner;
}

// ---- JSON → tree ---------------------------------------------------------------

export class CriteriaParseError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'CriteriaParseError';
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseWhere(json: unknown, path: string): WhereRow[] {
  if (json === undefined || json === null) return [];
  if (!Array.isArray(json)) throw new CriteriaParseError('"where" must be a list', path);
  return json.map((row, index) => whereFromJson(row, `${path}[${index}]`));
}

function parseNode(json: unknown, path: string): TreeNode {
  if (!isObject(json)) throw new CriteriaParseError('expected an object', path);
  if ('not' in json) {
    const inner = parseNode(json.not, `${path}.not`);
    // NOT of a NOT: keep both by wrapping the inner one in a one-child group.
    return inner.negate ? { ...newGroup('all', [inner]), negate: true } : { ...inner, negate: true };
  }
  for (const op of ['all', 'any'] as const) {
    if (op in json) {
      const list = json[op];
      if (!Array.isArray(list)) throw new CriteriaParseError(`"${op}" must be a list`, path);
      return newGroup(
        op,
        list.map((child, index) => parseNode(child, `${path}.${op}[${index}]`)),
      );
    }
  }
  if (typeof json.field === 'string') {
    const op = typeof json.op === 'string' ? json.op : 'eq';
    return { kind: 'condition', id: nextId(), negate: false, condition: { type: 'field', field: json.field, op, ...fieldValueFromJson(json.value) } };
  }
  if (typeof json.consent === 'string') {
    return { kind: 'condition', id: nextId(), negate: false, condition: { type: 'consent', channel: json.consent } };
  }
  if (typeof json.event === 'string') {
    return {
      kind: 'condition',
      id: nextId(),
      negate: false,
      condition: {
        type: 'event',
        event: json.event,
        op: typeof json.op === 'string' ? json.op : 'countGte',
        count: json.value === undefined || json.value === null ? '' : String(json.value),
        withinLastDays: json.withinLastDays === undefined || json.withinLastDays === null ? '' : String(json.withinLastDays),
        where: parseWhere(json.where, `${path}.where`),
      },
    };
  }
  if (typeof json.segment === 'string') {
    return { kind: 'condition', id: nextId(), negate: false, condition: { type: 'segment', segmentId: json.segment } };
  }
  throw new CriteriaParseError('expected all, any, not, field, consent, event or segment', path);
}

/** The editor's tree for criteria JSON; the root is always a group (a lone condition is wrapped in "all"). */
export function fromCriteria(json: unknown): GroupNode {
  if (json === undefined || json === null) return newGroup();
  const node = parseNode(json, 'criteria');
  return node.kind === 'group' && !node.negate ? node : newGroup('all', [node]);
}

/** Parses the JSON tab's text; throws CriteriaParseError or SyntaxError. */
export function parseCriteriaText(text: string): GroupNode {
  return fromCriteria(JSON.parse(text) as unknown);
}

// ---- tree edits (immutable) ------------------------------------------------------

export function updateNode(root: GroupNode, id: string, change: (node: TreeNode) => TreeNode | null): GroupNode {
  const visit = (node: TreeNode): TreeNode | null => {
    if (node.id === id) return change(node);
    if (node.kind !== 'group') return node;
    const children = node.children.map(visit).filter((child): child is TreeNode => child !== null);
    return { ...node, children };
  };
  return (visit(root) as GroupNode | null) ?? newGroup();
}

export function removeNode(root: GroupNode, id: string): GroupNode {
  return root.id === id ? newGroup(root.op) : updateNode(root, id, () => null);
}

export function appendChild(root: GroupNode, groupId: string, child: TreeNode): GroupNode {
  return updateNode(root, groupId, (node) => (node.kind === 'group' ? { ...node, children: [...node.children, child] } : node));
}

export function countConditions(node: TreeNode): number {
  return node.kind === 'group' ? node.children.reduce((sum, child) => sum + countConditions(child), 0) : 1;
}

// ---- server errors → nodes -----------------------------------------------------------

/**
 * Each node's JSON path in the normalised form `normaliseFieldKey` gives server keys (`criteria.all.1.op`), with
 * `.not` after a negated node.
 */
export function nodePaths(root: GroupNode, base = 'criteria'): Map<string, string> {
  const paths = new Map<string, string>();
  const visit = (node: TreeNode, path: string) => {
    const inner = node.negate ? `${path}.not` : path;
    paths.set(node.id, inner);
    if (node.kind === 'group') node.children.forEach((child, index) => visit(child, `${inner}.${node.op}.${index}`));
  };
  visit(root, base);
  return paths;
}

export interface CriteriaErrors {
  /** Messages per node id. */
  byNode: Record<string, string[]>;
  /** Errors that matched no node (and non-criteria field errors), with their keys. */
  other: string[];
}

/**
 * Puts server validation errors (`{"criteria.all[1].op": ["…"]}`) on the node with the longest path that is a prefix
 * of the key: `criteria.all[1].op` goes to the second condition of the root, `criteria` to the root.
 */
export function mapCriteriaErrors(root: GroupNode, errors: Record<string, string[] | string> | undefined): CriteriaErrors {
  const result: CriteriaErrors = { byNode: {}, other: [] };
  if (!errors) return result;
  const paths = [...nodePaths(root).entries()].map(([id, path]) => ({ id, path: path.toLowerCase() }));
  for (const [rawKey, messages] of Object.entries(errors)) {
    const list = (Array.isArray(messages) ? messages : [messages]).filter(Boolean);
    const original = normaliseFieldKey(rawKey);
    const key = original.toLowerCase();
    let best: { id: string; path: string } | null = null;
    for (const candidate of paths) {
      const matches = key === candidate.path || key.startsWith(`${candidate.path}.`);
      if (matches && (!best || candidate.path.length > best.path.length)) best = candidate;
    }
    // "criteria.not" on a non-negated root, or an unrelated field: show it above the tree.
    if (!best || !key.startsWith('criteria')) {
      result.other.push(...list.map((message) => `${rawKey}: ${message}`));
      continue;
    }
    const field = original.slice(best.path.length + 1);
    result.byNode[best.id] = [...(result.byNode[best.id] ?? []), ...list.map((message) => (field ? `${field}: ${message}` : message))];
  }
  return result;
}
