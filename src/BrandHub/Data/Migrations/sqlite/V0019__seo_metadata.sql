-- The metadata BrandHub manages for a catalogue page, version by version: generated proposals and edits; one is
-- applied (what the shop renders and what the page's audits read).
CREATE TABLE seo_metadata_versions (
    tenant_id TEXT NOT NULL,
    page_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    source TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    slug TEXT NOT NULL,
    canonical TEXT NOT NULL,
    robots TEXT NOT NULL,
    open_graph_json TEXT NOT NULL,
    alt_texts_json TEXT NOT NULL,
    json_ld TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    applied_at INTEGER NULL,
    applied_by TEXT NULL,
    CONSTRAINT pk_seo_metadata_versions PRIMARY KEY (tenant_id, page_id, version)
);
ALTER TABLE seo_pages ADD COLUMN applied_version INTEGER NULL;
