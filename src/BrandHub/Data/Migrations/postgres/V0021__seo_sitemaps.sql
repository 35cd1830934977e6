-- Sitemaps: what an audit learned of a page (its canonical, whether it may be indexed), which sitemap file it is in
-- and the lastmod last published for it; the tenant's site host (the sitemap is served for it) and IndexNow key; the
-- files themselves (gzipped, with a content hash so only changed files are rewritten), the runs and the IndexNow log.
ALTER TABLE seo_pages ADD COLUMN canonical text NULL;
ALTER TABLE seo_pages ADD COLUMN indexable boolean NULL;
ALTER TABLE seo_pages ADD COLUMN sitemap_file integer NULL;
ALTER TABLE seo_pages ADD COLUMN sitemap_lastmod timestamptz NULL;
ALTER TABLE seo_settings ADD COLUMN site_host text NULL;
ALTER TABLE seo_settings ADD COLUMN index_now_key text NULL;
ALTER TABLE seo_settings ADD COLUMN index_now_enabled boolean NOT NULL DEFAULT false;
CREATE UNIQUE INDEX ux_seo_settings_site_host ON seo_settings (site_host) WHERE site_host IS NOT NULL;

CREATE TABLE seo_sitemap_files (
    tenant_id uuid NOT NULL,
    file integer NOT NULL,
    urls integer NOT NULL,
    bytes bigint NOT NULL,
    hash text NOT NULL,
    last_modified timestamptz NULL,
    gz bytea NOT NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT pk_seo_sitemap_files PRIMARY KEY (tenant_id, file)
);
ALTER TABLE seo_sitemap_files ENABLE ROW LEVEL SECURITY;
ALTER TABLE seo_sitemap_files FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON seo_sitemap_files USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');

CREATE TABLE seo_sitemap_runs (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    started_at timestamptz NOT NULL,
    finished_at timestamptz NULL,
    urls integer NOT NULL,
    files integer NOT NULL,
    rewritten integer NOT NULL,
    duration_ms integer NOT NULL,
    submitted integer NOT NULL,
    error text NULL,
    CONSTRAINT pk_seo_sitemap_runs PRIMARY KEY (tenant_id, id)
);
ALTER TABLE seo_sitemap_runs ENABLE ROW LEVEL SECURITY;
ALTER TABLE seo_sitemap_runs FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON seo_sitemap_runs USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');

CREATE TABLE seo_index_now_submissions (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    run_id uuid NOT NULL,
    at timestamptz NOT NULL,
    urls integer NOT NULL,
    status integer NULL,
    response text NULL,
    CONSTRAINT pk_seo_index_now_submissions PRIMARY KEY (tenant_id, id)
);
ALTER TABLE seo_index_now_submissions ENABLE ROW LEVEL SECURITY;
ALTER TABLE seo_index_now_submissions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON seo_index_now_submissions USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
