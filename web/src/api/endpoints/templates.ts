import { unwrap } from '../client';
import { cleanQuery } from '../client';
import { pendingHttp } from '../pending';
import type {
  EmailTemplate,
  Page,
  TemplateCheck,
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

/** 400 with field errors (`html`, `subject`, `variables[0].name`…) for unknown variables and syntax errors. */
export function createTemplate(body: TemplateInput): Promise<EmailTemplate> {
  return unwrap(pendingHttp.POST(BASE, { body })) as Promise<EmailTemplate>;
}

/** Saves a new version; `body.version` is the version being edited (409 when it is no longer current). */
export function updateTemplate(id: string, body: TemplateInput): Promise<EmailTemplate> {
  return unwrap(pendingHttp.PUT(`${BASE}/{id}`, { params: { path: { id } }, body })) as Promise<EmailTemplate>;
}

export function setTemplateArchived(id: string, archived: boolean): Promise<EmailTemplate> {
  const path = archived ? `${BASE}/{id}/archive` : `${BASE}/{id}/unarchive`;
  return unwrap(pendingHttp.POST(path, { params: { path: { id } } })) as Promise<EmailTemplate>;
}

export function listTemplateVersions(id: string, page = 1, pageSize = 50): Promise<Page<TemplateVersion>> {
  return unwrap(
    pendingHttp.GET(`${BASE}/{id}/versions`, { params: { path: { id }, query: { page, pageSize } } }),
  ) as Promise<Page<TemplateVersion>>;
}

/** Checks unsaved content as a save would; 400 with the same field errors a save would give. */
export function validateTemplate(body: TemplateInput, signal?: AbortSignal): Promise<TemplateCheck> {
  return unwrap(pendingHttp.POST(`${BASE}/validate`, { body, signal })) as Promise<TemplateCheck>;
}

/** Renders a saved version with `data` over the declared samples and a sample contact. */
export function previewTemplate(id: string, body: TemplatePreviewRequest, signal?: AbortSignal): Promise<TemplatePreview> {
  return unwrap(pendingHttp.POST(`${BASE}/{id}/preview`, { params: { path: { id } }, body, signal })) as Promise<TemplatePreview>;
}
