import { api, cleanQuery, unwrap, type DownloadedFile } from '../client';
import type {
  ColumnMapping,
  ContactImport,
  ImportOptions,
  ImportPreview,
  ImportRowError,
  Page,
  PageQuery,
} from '../types';

const passThrough = (body: unknown) => body;

export function previewImport(file: File): Promise<ImportPreview> {
  const form = new FormData();
  form.append('file', file, file.name);
  return unwrap<ImportPreview>(
    api.http.POST('/contacts/imports/preview', { body: form, bodySerializer: passThrough }),
  );
}

export function startImport(file: File, mapping: ColumnMapping, options: ImportOptions): Promise<ContactImport> {
  const form = new FormData();
  form.append('file', file, file.name);
  form.append('mapping', JSON.stringify(mapping));
  form.append('options', JSON.stringify(options));
  return unwrap<ContactImport>(api.http.POST('/contacts/imports', { body: form, bodySerializer: passThrough }));
}

export function listImports(query: PageQuery): Promise<Page<ContactImport>> {
  return unwrap<Page<ContactImport>>(api.http.GET('/contacts/imports', { params: { query: cleanQuery(query) } }));
}

export function getImport(id: string): Promise<ContactImport> {
  return unwrap<ContactImport>(api.http.GET('/contacts/imports/{id}', { params: { path: { id } } }));
}

export function listImportErrors(id: string, query: PageQuery): Promise<Page<ImportRowError>> {
  return unwrap<Page<ImportRowError>>(
    api.http.GET('/contacts/imports/{id}/errors', { params: { path: { id }, query: cleanQuery(query) } }),
  );
}

export function downloadImportErrors(id: string): Promise<DownloadedFile> {
  return api.download(
    `/contacts/imports/${encodeURIComponent(id)}/errors.csv`,
    undefined,
    `import-${id}-errors.csv`,
  );
}
