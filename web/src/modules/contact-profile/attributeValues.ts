import type { AttributeDefinition, AttributeType, AttributeValue } from '../../api/types';

/** The text an input shows for a stored attribute value. */
export function attributeToText(value: AttributeValue | undefined, type: AttributeType): string {
  if (value === null || value === undefined) return '';
  if (type === 'bool') return value === true || value === 'true' ? 'true' : 'false';
  if (type === 'date' && typeof value === 'string') return value.slice(0, 10);
  return String(value);
}

/** Parses an input's text back to the typed value; throws with a readable message when invalid. */
export function textToAttribute(text: string, type: AttributeType): AttributeValue {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  switch (type) {
    case 'number': {
      const n = Number(trimmed);
      if (!Number.isFinite(n)) throw new Error('must be a number');
      return n;
    }
    case 'bool':
      return trimmed === 'true';
    case 'date':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) throw new Error('must be a date (YYYY-MM-DD)');
      return trimmed;
    default:
      return trimmed;
  }
}

/** Definitions first, then any attribute the contact has that is not defined (shown as text). */
export function attributeRows(
  definitions: AttributeDefinition[],
  values: Record<string, AttributeValue>,
): AttributeDefinition[] {
  const known = new Set(definitions.map((d) => d.name));
  const extra = Object.keys(values)
    .filter((name) => !known.has(name))
    .map<AttributeDefinition>((name) => ({ name, label: name, type: 'string' }));
  return [...definitions, ...extra];
}
