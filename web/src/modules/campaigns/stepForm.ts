import type { CampaignStep, EmailContent, StepInput, VariantInput } from '../../api/types';

/** Content of one variant as the form holds it: a stored template, or subject/HTML/text written inline. */
export interface ContentValues {
  source: 'inline' | 'template';
  templateId: string;
  subject: string;
  preheader: string;
  html: string;
  text: string;
}

export interface VariantValues extends ContentValues {
  name: string;
  weight: number;
}

/** An email step: one content, or A/B variants with weights; holdout and delay. */
export interface StepValues {
  name: string;
  /** With A/B on, `variants` (two or more) hold the content; otherwise `variants[0]` does. */
  abTest: boolean;
  variants: VariantValues[];
  holdoutPercent: number;
  delayMinutes: number;
}

export const EMPTY_CONTENT: ContentValues = { source: 'inline', templateId: '', subject: '', preheader: '', html: '', text: '' };

export function newVariant(index: number, weight = 50): VariantValues {
  return { ...EMPTY_CONTENT, name: String.fromCharCode(65 + index), weight };
}

export const EMPTY_STEP: StepValues = {
  name: '',
  abTest: false,
  variants: [newVariant(0, 100)],
  holdoutPercent: 0,
  delayMinutes: 0,
};

function contentPart(values: ContentValues): { content?: EmailContent; templateId?: string } {
  if (values.source === 'template') return { templateId: values.templateId };
  const content: EmailContent = { subject: values.subject, html: values.html };
  if (values.text.trim()) content.text = values.text;
  if (values.preheader.trim()) content.preheader = values.preheader;
  return { content };
}

/**
 * The body of POST/PUT …/steps. Without A/B the step carries one content (or templateId); with A/B each variant carries
 * its own and the step none (the host refuses both at once).
 */
export function toStepInput(values: StepValues): StepInput {
  const body: StepInput = { channel: 'email' };
  if (values.name.trim()) body.name = values.name.trim();
  if (values.abTest) {
    body.variants = values.variants.map(
      (variant): VariantInput => ({ name: variant.name.trim(), weight: variant.weight, ...contentPart(variant) }),
    );
  } else {
    Object.assign(body, contentPart(values.variants[0] ?? EMPTY_CONTENT));
  }
  if (values.holdoutPercent > 0) body.holdoutPercent = values.holdoutPercent;
  if (values.delayMinutes > 0) body.delayMinutes = values.delayMinutes;
  return body;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A saved step back into the form (for editing). */
export function fromStep(step: CampaignStep): StepValues {
  const variants = step.variants.map((variant): VariantValues => {
    const content = (variant.content ?? {}) as Record<string, unknown>;
    return {
      name: variant.name,
      weight: variant.weight,
      source: variant.templateId ? 'template' : 'inline',
      templateId: variant.templateId ?? '',
      subject: str(content.subject),
      preheader: str(content.preheader),
      html: str(content.html),
      text: str(content.text),
    };
  });
  return {
    name: step.name,
    abTest: variants.length > 1,
    variants: variants.length > 0 ? variants : [newVariant(0, 100)],
    holdoutPercent: step.holdoutPercent,
    delayMinutes: step.delayMinutes,
  };
}

/** Client-side checks before sending (the host checks again and answers 400 with field keys). */
export function stepErrors(values: StepValues): Record<string, string> {
  const errors: Record<string, string> = {};
  values.variants.forEach((variant, index) => {
    const prefix = values.abTest ? `variants.${index}.` : '';
    if (variant.source === 'template' && !variant.templateId) errors[`${prefix}templateId`] = 'Choose a template.';
    if (variant.source === 'inline') {
      if (!variant.subject.trim()) errors[`${prefix}subject`] = 'Write a subject.';
      if (!variant.html.trim()) errors[`${prefix}html`] = 'Write the HTML body.';
    }
    if (values.abTest) {
      if (!variant.name.trim()) errors[`${prefix}name`] = 'Name the variant.';
      if (!(variant.weight >= 1 && variant.weight <= 10_000)) errors[`${prefix}weight`] = 'A weight is 1–10000.';
    }
  });
  if (!(values.holdoutPercent >= 0 && values.holdoutPercent < 100)) errors.holdoutPercent = 'A holdout is 0–99 %.';
  if (!(values.delayMinutes >= 0)) errors.delayMinutes = 'The delay cannot be negative.';
  return errors;
}

/** Share of each variant (weight / total) as a whole percentage, for display. */
export function variantShares(variants: readonly { weight: number }[]): number[] {
  const total = variants.reduce((sum, v) => sum + (v.weight > 0 ? v.weight : 0), 0);
  return variants.map((v) => (total > 0 && v.weight > 0 ? Math.round((v.weight / total) * 100) : 0));
}

/**
 * A server field key of a step body (normalised: `variants.1.content.subject`, `content.html`, `templateId`) as the
 * form's key: `content.` is dropped, and without A/B the single variant's fields have no prefix.
 */
export function stepFieldKey(serverKey: string, abTest: boolean): string {
  const key = serverKey.replace(/(^|\.)content\./, '$1');
  if (!abTest) return key.replace(/^variants\.0\./, '');
  return key;
}
