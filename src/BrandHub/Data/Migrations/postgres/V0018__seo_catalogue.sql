-- The SEO catalogue: a tenant's product, category and content pages (synced from the shop or crawled) with what the
-- page served last (status, headers, HTML, timing, redirects), the metadata BrandHub manages for it and its last score.
CREATE TABLE seo_pages (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    url text NOT NULL,
    kind text NOT NULL,
    external_id text NULL,
    name text NULL,
    brand text NULL,
    category text NULL,
    price numeric(18,4) NULL,
    currency text NULL,
    availability text NULL,
    images_json jsonb NOT NULL,
    attributes_json jsonb NOT NULL,
    status integer NULL,
    headers_json jsonb NULL,
    html text NULL,
    fetch_ms integer NULL,
    redirects_json jsonb NULL,
    fetched_at timestamptz NULL,
    title text NULL,
    description text NULL,
    score integer NULL,
    audited_at timestamptz NULL,
    last_audit_id uuid NULL,
    content_hash text NULL,
    content_changed_at timestamptz NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT pk_seo_pages PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX ux_seo_pages_url ON seo_pages (tenant_id, url);
CREATE INDEX ix_seo_pages_score ON seo_pages (tenant_id, score);
ALTER TABLE seo_pages ENABLE ROW LEVEL SECURITY;
ALTER TABLE seo_pages FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON seo_pages USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');

-- Every audit run: of a catalogue page or of any URL or content. rule_ids and severities (",a,b,") let lists filter.
CREATE TABLE seo_audits (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    page_id uuid NULL,
    url text NOT NULL,
    source text NOT NULL,
    status integer NOT NULL,
    score integer NOT NULL,
    findings_json jsonb NOT NULL,
    rule_ids text NOT NULL,
    severities text NOT NULL,
    created_at timestamptz NOT NULL,
    created_by text NOT NULL,
    CONSTRAINT pk_seo_audits PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_seo_audits_page ON seo_audits (tenant_id, page_id, created_at);
CREATE INDEX ix_seo_audits_created ON seo_audits (tenant_id, created_at);
ALTER TABLE seo_audits ENABLE ROW LEVEL SECURITY;
ALTER TABLE seo_audits FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON seo_audits USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');

-- A tenant's audit rules (enabled, severity, thresholds, weight per rule id).
CREATE TABLE seo_settings (
    tenant_id uuid NOT NULL,
    rules_json jsonb NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text NOT NULL,
    CONSTRAINT pk_seo_settings PRIMARY KEY (tenant_id)
);
ALTER TABLE seo_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE seo_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON seo_settings USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
