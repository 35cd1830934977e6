import { api, cleanQuery, unwrap } from '../client';
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

export function listTemplates(query: TemplateQuery): Promise<Page<TemplateSummary>> {
  return unwrap(api.http.GET('/api/v1/content/templates', { params: { query: cleanQuery(query) } }));
}

export function getTemplate(id: string): Promise<EmailTemplate> {
  return unwrap(api.http.GET('/api/v1/content/templates/{id}', { params: { path: { id } } }));
}

/** 400 with field errors (`html`, `subject`, `variables[0].name`…) for unknown variables and syntax errors. */
export function createTemplate(body: TemplateInput): Promise<EmailTemplate> {
  return unwrap(api.http.POST('/api/v1/content/templates', { body }));
}

/** Saves a new version; `body.version` is the version being edited (409 when it is no longer current). */
export function updateTemplate(id: string, body: TemplateInput): Promise<EmailTemplate> {
  return unwrap(api.http.PUT('/api/v1/content/templates/{id}', { params: { path: { id } }, body }));
}

export function setTemplateArchived(id: string, archived: boolean): Promise<EmailTemplate> {
  const init = { params: { path: { id } } };
  return unwrap(
    archived
      ? api.http.POST('/api/v1/content/templates/{id}/archive', init)
      : api.http.POST('/api/v1/content/templates/{id}/unarchive', init),
  );
}

export function listTemplateVersions(id: string, page = 1, pageSize = 50): Promise<Page<TemplateVersion>> {
  return unwrap(
    api.http.GET('/api/v1/content/templates/{id}/versions', { params: { path: { id }, query: { page, pageSize } } }),
  );
}

/** Checks unsaved content as a save would; 400 with the same field errors a save would give. */
export function validateTemplate(body: TemplateInput, signal?: AbortSignal): Promise<TemplateCheck> {
  return unwrap(api.http.POST('/api/v1/content/templates/validate', { body, signal }));
}

/**
 * Renders a saved version with `data` over the declared samples and a sample contact. `data` is any JSON object (the
 * document's JsonObject becomes an empty record, hence the body cast).
 */
export function previewTemplate(id: string, body: TemplatePreviewRequest, signal?: AbortSignal): Promise<TemplatePreview> {
  return unwrap(api.http.POST('/api/v1/content/templates/{id}/preview', { params: { path: { id } }, body: body as never, signal }));
}
