-- The SEO catalogue: a tenant's product, category and content pages (synced from the shop or crawled) with what the
-- page served last (status, headers, HTML, timing, redirects), the metadata BrandHub manages for it and its last score.
CREATE TABLE seo_pages (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    url TEXT NOT NULL,
    kind TEXT NOT NULL,
    external_id TEXT NULL,
    name TEXT NULL,
    brand TEXT NULL,
    category TEXT NULL,
    price INTEGER NULL,
    currency TEXT NULL,
    availability TEXT NULL,
    images_json TEXT NOT NULL,
    attributes_json TEXT NOT NULL,
    status INTEGER NULL,
    headers_json TEXT NULL,
    html TEXT NULL,
    fetch_ms INTEGER NULL,
    redirects_json TEXT NULL,
    fetched_at INTEGER NULL,
    title TEXT NULL,
    description TEXT NULL,
    score INTEGER NULL,
    audited_at INTEGER NULL,
    last_audit_id TEXT NULL,
    content_hash TEXT NULL,
    content_changed_at INTEGER NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    CONSTRAINT pk_seo_pages PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX ux_seo_pages_url ON seo_pages (tenant_id, url);
CREATE INDEX ix_seo_pages_score ON seo_pages (tenant_id, score);

-- Every audit run: of a catalogue page or of any URL or content. rule_ids and severities (",a,b,") let lists filter.
CREATE TABLE seo_audits (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    page_id TEXT NULL,
    url TEXT NOT NULL,
    source TEXT NOT NULL,
    status INTEGER NOT NULL,
    score INTEGER NOT NULL,
    findings_json TEXT NOT NULL,
    rule_ids TEXT NOT NULL,
    severities TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    CONSTRAINT pk_seo_audits PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_seo_audits_page ON seo_audits (tenant_id, page_id, created_at);
CREATE INDEX ix_seo_audits_created ON seo_audits (tenant_id, created_at);

-- A tenant's audit rules (enabled, severity, thresholds, weight per rule id).
CREATE TABLE seo_settings (
    tenant_id TEXT NOT NULL,
    rules_json TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    updated_by TEXT NOT NULL,
    CONSTRAINT pk_seo_settings PRIMARY KEY (tenant_id)
);
