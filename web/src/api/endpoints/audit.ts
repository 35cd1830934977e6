import { api, cleanQuery, unwrap, type DownloadedFile } from '../client';
import type { AuditEntry, AuditQuery, AuditVerifyResult, Page } from '../types';

export function listAudit(query: AuditQuery): Promise<Page<AuditEntry>> {
  return unwrap(api.http.GET('/api/v1/audit', { params: { query: cleanQuery(query) } }));
}

export function verifyAudit(): Promise<AuditVerifyResult> {
  return unwrap(api.http.GET('/api/v1/audit/verify'));
}

export function exportAudit(format: 'csv' | 'json'): Promise<DownloadedFile> {
  return api.download('/api/v1/audit/export', { params: { query: { format } } }, `audit.${format}`);
}
