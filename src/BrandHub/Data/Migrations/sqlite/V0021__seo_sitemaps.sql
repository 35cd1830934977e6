-- Sitemaps: what an audit learned of a page (its canonical, whether it may be indexed), which sitemap file it is in
-- and the lastmod last published for it; the tenant's site host (the sitemap is served for it) and IndexNow key; the
-- files themselves (gzipped, with a content hash so only changed files are rewritten), the runs and the IndexNow log.
ALTER TABLE seo_pages ADD COLUMN canonical TEXT NULL;
ALTER TABLE seo_pages ADD COLUMN indexable INTEGER NULL;
ALTER TABLE seo_pages ADD COLUMN sitemap_file INTEGER NULL;
ALTER TABLE seo_pages ADD COLUMN sitemap_lastmod INTEGER NULL;
ALTER TABLE seo_settings ADD COLUMN site_host TEXT NULL;
ALTER TABLE seo_settings ADD COLUMN index_now_key TEXT NULL;
ALTER TABLE seo_settings ADD COLUMN index_now_enabled INTEGER NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX ux_seo_settings_site_host ON seo_settings (site_host) WHERE site_host IS NOT NULL;

CREATE TABLE seo_sitemap_files (
    tenant_id TEXT NOT NULL,
    file INTEGER NOT NULL,
    urls INTEGER NOT NULL,
    bytes INTEGER NOT NULL,
    hash TEXT NOT NULL,
    last_modified INTEGER NULL,
    gz BLOB NOT NULL,
    updated_at INTEGER NOT NULL,
    CONSTRAINT pk_seo_sitemap_files PRIMARY KEY (tenant_id, file)
);

CREATE TABLE seo_sitemap_runs (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    finished_at INTEGER NULL,
    urls INTEGER NOT NULL,
    files INTEGER NOT NULL,
    rewritten INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL,
    submitted INTEGER NOT NULL,
    error TEXT NULL,
    CONSTRAINT pk_seo_sitemap_runs PRIMARY KEY (tenant_id, id)
);

CREATE TABLE seo_index_now_submissions (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    run_id TEXT NOT NULL,
    at INTEGER NOT NULL,
    urls INTEGER NOT NULL,
    status INTEGER NULL,
    response TEXT NULL,
    CONSTRAINT pk_seo_index_now_submissions PRIMARY KEY (tenant_id, id)
);
