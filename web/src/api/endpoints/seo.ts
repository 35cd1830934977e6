import { api, cleanQuery, unwrap } from '../client';
import type {
  Page,
  PageQuery,
  SeoAudit,
  SeoAuditQuery,
  SeoAuditRow,
  SeoBulkRequest,
  SeoBulkRun,
  SeoCrawlRequest,
  SeoMetadata,
  SeoMetadataEdit,
  SeoMetadataHistory,
  SeoPage,
  SeoPageInput,
  SeoPageQuery,
  SeoPageRow,
  SeoRegenerate,
  SeoReport,
  SeoSitemapSettings,
  SeoSitemapSettingsInput,
  SeoSitemapStatus,
  SeoSyncResult,
} from '../types';

/** KPIs: pages, audited, indexable, average score, non-compliant, score distribution, issues by rule, organic traffic. */
export function getSeoReport(): Promise<SeoReport> {
  return unwrap(api.http.GET('/api/v1/seo/report'));
}

/** The catalogue, filtered and sorted (`sort=score` lists the worst first). */
export function listSeoPages(query: SeoPageQuery): Promise<Page<SeoPageRow>> {
  return unwrap(api.http.GET('/api/v1/seo/pages', { params: { query: cleanQuery(query) } }));
}

export function getSeoPage(id: string): Promise<SeoPage> {
  return unwrap(api.http.GET('/api/v1/seo/pages/{id}', { params: { path: { id } } }));
}

/** Creates or updates up to 1,000 pages by URL, all or nothing (errors as `pages[i].field`). */
export function syncSeoPages(pages: SeoPageInput[]): Promise<SeoSyncResult> {
  return unwrap(api.http.PUT('/api/v1/seo/pages', { body: { pages } }));
}

export async function deleteSeoPage(id: string): Promise<void> {
  await unwrap(api.http.DELETE('/api/v1/seo/pages/{id}', { params: { path: { id } } }));
}

/** Fetches and audits a catalogue page now; the page's score and title follow. */
export function auditSeoPage(id: string): Promise<SeoAudit> {
  return unwrap(api.http.POST('/api/v1/seo/products/{id}/audit', { params: { path: { id } } }));
}

/** Audits, newest first (`pageId` gives one page's score history). */
export function listSeoAudits(query: SeoAuditQuery): Promise<Page<SeoAuditRow>> {
  return unwrap(api.http.GET('/api/v1/seo/audits', { params: { query: cleanQuery(query) } }));
}

export function getSeoAudit(id: string): Promise<SeoAudit> {
  return unwrap(api.http.GET('/api/v1/seo/audits/{id}', { params: { path: { id } } }));
}

/** Proposes metadata from the product data: a new version, not applied. */
export function generateSeoMetadata(id: string): Promise<SeoMetadata> {
  return unwrap(api.http.POST('/api/v1/seo/products/{id}/generate', { params: { path: { id } } }));
}

export function applySeoMetadata(id: string, version: number): Promise<SeoMetadata> {
  return unwrap(api.http.POST('/api/v1/seo/products/{id}/metadata/{version}/apply', { params: { path: { id, version } } }));
}

const UNCHANGED_METADATA: SeoMetadataEdit = {
  title: null,
  description: null,
  slug: null,
  canonical: null,
  robots: null,
  openGraph: null,
  altTexts: null,
  jsonLd: null,
  apply: null,
};

/** A new version from the current one with `changes` (the others unchanged); applied unless `apply: false`. */
export function editSeoMetadata(id: string, changes: Partial<SeoMetadataEdit>): Promise<SeoMetadata> {
  return unwrap(
    api.http.PUT('/api/v1/seo/products/{id}/metadata', { params: { path: { id } }, body: { ...UNCHANGED_METADATA, ...changes } }),
  );
}

/** The versions, newest first, and the one applied. */
export function getSeoMetadata(id: string): Promise<SeoMetadataHistory> {
  return unwrap(api.http.GET('/api/v1/seo/products/{id}/metadata', { params: { path: { id } } }));
}

const NO_BULK_FILTER: SeoBulkRequest = { kind: null, maxScore: null, pageIds: null, apply: null };

/** Audits the pages asked for (all with `{}`) as a job. */
export function startBulkAudit(request: Partial<SeoBulkRequest>): Promise<SeoBulkRun> {
  return unwrap(api.http.POST('/api/v1/seo/audits/bulk', { body: { ...NO_BULK_FILTER, ...request } }));
}

/** Generates metadata for the pages asked for as a job, applying it with `apply: true`. */
export function startBulkGenerate(request: Partial<SeoBulkRequest>): Promise<SeoBulkRun> {
  return unwrap(api.http.POST('/api/v1/seo/products/generate/bulk', { body: { ...NO_BULK_FILTER, ...request } }));
}

/** Discovers a site as a job (a bulk run of kind `crawl`). */
export function startCrawl(request: SeoCrawlRequest): Promise<SeoBulkRun> {
  return unwrap(api.http.POST('/api/v1/seo/crawls', { body: request }));
}

/** Bulk runs, newest first. */
export function listBulkRuns(query: PageQuery): Promise<Page<SeoBulkRun>> {
  return unwrap(api.http.GET('/api/v1/seo/bulk', { params: { query: cleanQuery(query) } }));
}

export function getBulkRun(id: string): Promise<SeoBulkRun> {
  return unwrap(api.http.GET('/api/v1/seo/bulk/{id}', { params: { path: { id } } }));
}

/** Stops the run after the chunk in flight. */
export function cancelBulkRun(id: string): Promise<SeoBulkRun> {
  return unwrap(api.http.POST('/api/v1/seo/bulk/{id}/cancel', { params: { path: { id } } }));
}

export function getSitemapSettings(): Promise<SeoSitemapSettings> {
  return unwrap(api.http.GET('/api/v1/seo/sitemap/settings'));
}

export function updateSitemapSettings(body: SeoSitemapSettingsInput): Promise<SeoSitemapSettings> {
  return unwrap(api.http.PUT('/api/v1/seo/sitemap/settings', { body }));
}

/** Queues the sitemap job (asking again while one is queued returns it). */
export function regenerateSitemap(): Promise<SeoRegenerate> {
  return unwrap(api.http.POST('/api/v1/seo/sitemap/regenerate'));
}

export function getSitemapStatus(): Promise<SeoSitemapStatus> {
  return unwrap(api.http.GET('/api/v1/seo/sitemap/status'));
}
