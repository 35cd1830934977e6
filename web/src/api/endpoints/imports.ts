import { api, cleanQuery, unwrap, type DownloadedFile } from '../client';
import type { paths } from '../schema';
import type {
  ColumnMapping,
  ContactImport,
  ImportOptions,
  ImportPreview,
  ImportRowError,
  Page,
  PageQuery,
} from '../types';

type UploadPath = '/api/v1/contacts/imports/preview' | '/api/v1/contacts/imports';
type UploadFields<P extends UploadPath> = paths[P]['post']['requestBody']['content']['multipart/form-data'];

/**
 * A multipart/form-data body whose field names are checked against the document. The generated body type
 * describes the form fields (`file` as a binary string, `mapping` and `options` as JSON strings), not a
 * FormData, so the FormData goes through `as never` and `bodySerializer` hands it to fetch unchanged (fetch
 * then sets the multipart boundary).
 */
function multipart<P extends UploadPath>(_path: P, fields: { [K in keyof UploadFields<P>]-?: string | File }) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields) as [string, string | File][]) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, value, value.name); // the host keeps the file name of the upload
  }
  return { body: form as never, bodySerializer: (body: unknown) => body };
}

export function previewImport(file: File): Promise<ImportPreview> {
  const path = '/api/v1/contacts/imports/preview';
  return unwrap(api.http.POST(path, multipart(path, { file })));
}

export async function startImport(file: File, mapping: ColumnMapping, options: ImportOptions): Promise<ContactImport> {
  const path = '/api/v1/contacts/imports';
  const body = multipart(path, { file, mapping: JSON.stringify(mapping), options: JSON.stringify(options) });
  const started = await unwrap(api.http.POST(path, body));
  // ContactImport narrows the document's plain-string `status` to the four values the host sends.
  return started as ContactImport;
}

export async function listImports(query: PageQuery): Promise<Page<ContactImport>> {
  const page = await unwrap(api.http.GET('/api/v1/contacts/imports', { params: { query: cleanQuery(query) } }));
  return page as Page<ContactImport>;
}

export async function getImport(id: string): Promise<ContactImport> {
  const record = await unwrap(api.http.GET('/api/v1/contacts/imports/{id}', { params: { path: { id } } }));
  return record as ContactImport;
}

export function listImportErrors(id: string, query: PageQuery): Promise<Page<ImportRowError>> {
  return unwrap(
    api.http.GET('/api/v1/contacts/imports/{id}/errors', { params: { path: { id }, query: cleanQuery(query) } }),
  );
}

export function downloadImportErrors(id: string): Promise<DownloadedFile> {
  return api.download(
    '/api/v1/contacts/imports/{id}/errors.csv',
    { params: { path: { id } } },
    `import-${id}-errors.csv`,
  );
}
