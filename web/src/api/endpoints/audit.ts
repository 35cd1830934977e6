import { api, cleanQuery, unwrap, type DownloadedFile } from '../client';
import type { AuditEntry, AuditQuery, AuditVerifyResult, Page } from '../types';

export function listAudit(query: AuditQuery): Promise<Page<AuditEntry>> {
  return unwrap<Page<AuditEntry>>(api.http.GET('/audit', { params: { query: cleanQuery(query) } }));
}

export function verifyAudit(): Promise<AuditVerifyResult> {
  return unwrap<AuditVerifyResult>(api.http.GET('/audit/verify', {}));
}

export function exportAudit(format: 'csv' | 'json'): Promise<DownloadedFile> {
  return api.download('/audit/export', { format }, `audit.${format}`);
}
