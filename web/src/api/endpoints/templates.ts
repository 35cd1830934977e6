import { call, cleanQuery, unwrap } from '../client';
import { pendingHttp } from '../pending';
import type {
  EmailTemplate,
  Page,
  TemplateInput,
  TemplatePreview,
  TemplatePreviewRequest,
  TemplateQuery,
  TemplateSummary,
  TemplateVersion,
} from '../types';

const BASE = '/api/v1/content/templates';

export function listTemplates(query: TemplateQuery): Promise<Page<TemplateSummary>> {
  return unwrap(pendingHttp.GET(BASE, { params: { query: cleanQuery(query) } })) as Promise<Page<TemplateSummary>>;
}

export function getTemplate(id: string): Promise<EmailTemplate> {
  return unwrap(pendingHttp.GET(`${BASE}/{id}`, { params: { path: { id } } })) as Promise<EmailTemplate>;
}

/** 400 with field errors (`subject`, `html`, `variables[0].name`…) when a variable is unknown or malformed. */
export function createTemplate(body: TemplateInput): Promise<EmailTemplate> {
  return unwrap(pendingHttp.POST(BASE, { body })) as Promise<EmailTemplate>;
}

/** Saves a new version. */
export function updateTemplate(id: string, body: TemplateInput): Promise<EmailTemplate> {
  return unwrap(pendingHttp.PUT(`${BASE}/{id}`, { params: { path: { id } }, body })) as Promise<EmailTemplate>;
}

export async function archiveTemplate(id: string): Promise<void> {
  await call(pendingHttp.POST(`${BASE}/{id}/archive`, { params: { path: { id } } }));
}

export function listTemplateVersions(id: string): Promise<TemplateVersion[]> {
  return unwrap(pendingHttp.GET(`${BASE}/{id}/versions`, { params: { path: { id } } })) as Promise<TemplateVersion[]>;
}

/** Renders a draft; 400 with the same field errors as a save when it would not save. */
export function previewTemplate(body: TemplatePreviewRequest, signal?: AbortSignal): Promise<TemplatePreview> {
  return unwrap(pendingHttp.POST(`${BASE}/preview`, { body, signal })) as Promise<TemplatePreview>;
}
