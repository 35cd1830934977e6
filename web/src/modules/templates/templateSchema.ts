import { z } from 'zod';
import type { EmailTemplate, TemplateInput, TemplateVariable } from '../../api/types';

/** The host's rule for declared variable names: a dotted path of identifiers under `data`. */
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

const variableSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Enter the variable name.')
    .max(200, 'Use at most 200 characters.')
    .regex(VARIABLE_NAME, 'Letters, digits and underscores, dotted for nested values (order.number).'),
  required: z.boolean(),
  /** Text as typed: JSON when it parses (42, true, ["a"]), otherwise a string. */
  sample: z.string(),
});

export const templateSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name.').max(200, 'Use at most 200 characters.'),
  description: z.string().max(2000, 'Use at most 2,000 characters.'),
  subject: z.string().trim().min(1, 'Enter a subject.').max(500, 'Use at most 500 characters.'),
  preheader: z.string().max(500, 'Use at most 500 characters.'),
  html: z.string().trim().min(1, 'Enter the HTML body.'),
  text: z.string(),
  variables: z.array(variableSchema).superRefine((variables, ctx) => {
    const seen = new Set<string>();
    variables.forEach((variable, index) => {
      const name = variable.name.trim();
      if (name && seen.has(name)) {
        ctx.addIssue({ code: 'custom', path: [index, 'name'], message: 'This variable is already declared.' });
      }
      seen.add(name);
    });
  }),
});

export type TemplateValues = z.infer<typeof templateSchema>;
export type VariableValues = TemplateValues['variables'][number];

export const EMPTY_TEMPLATE: TemplateValues = { name: '', description: '', subject: '', preheader: '', html: '', text: '', variables: [] };

/** A typed sample → its JSON value: numbers, booleans, null, arrays and objects when the text parses, else the text. */
export function parseSample(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  try {
    return JSON.parse(trimmed);
  } catch {
    return text;
  }
}

export function formatSample(sample: unknown): string {
  if (sample === undefined || sample === null) return '';
  return typeof sample === 'string' ? sample : JSON.stringify(sample);
}

function toVariables(values: VariableValues[]): TemplateVariable[] {
  return values.map((v) => {
    const sample = parseSample(v.sample);
    return sample === undefined ? { name: v.name.trim(), required: v.required } : { name: v.name.trim(), required: v.required, sample };
  });
}

/** Form values → the body of POST/PUT/validate: empty optional parts are null (text null = generated from the HTML). */
export function toTemplateInput(values: TemplateValues, version?: number): TemplateInput {
  return {
    name: values.name.trim(),
    description: values.description.trim() === '' ? null : values.description.trim(),
    subject: values.subject,
    preheader: values.preheader.trim() === '' ? null : values.preheader,
    html: values.html,
    text: values.text.trim() === '' ? null : values.text,
    variables: toVariables(values.variables),
    ...(version !== undefined ? { version } : {}),
  };
}

/** The samples typed in the form as a message's `data` (`order.number` → `{ order: { number } }`), for a rendered preview. */
export function samplesToData(variables: VariableValues[]): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const variable of variables) {
    const value = parseSample(variable.sample);
    const path = variable.name.trim().split('.');
    if (value === undefined || !VARIABLE_NAME.test(variable.name.trim())) continue;
    let target = data;
    for (const segment of path.slice(0, -1)) {
      const next = target[segment];
      if (typeof next !== 'object' || next === null || Array.isArray(next)) target[segment] = {};
      target = target[segment] as Record<string, unknown>;
    }
    target[path[path.length - 1]] = value;
  }
  return data;
}

export function fromTemplate(template: EmailTemplate): TemplateValues {
  return {
    name: template.name,
    description: template.description ?? '',
    subject: template.subject,
    preheader: template.preheader ?? '',
    html: template.html,
    text: template.text ?? '',
    variables: template.variables.map((v) => ({ name: v.name, required: v.required, sample: formatSample(v.sample) })),
  };
}

/** Field names a server error may land on, for applyServerErrors. */
export function templateFieldNames(values: TemplateValues): string[] {
  const fields = ['name', 'description', 'subject', 'preheader', 'html', 'text', 'variables'];
  values.variables.forEach((_, index) => fields.push(`variables.${index}.name`, `variables.${index}.sample`));
  return fields;
}
