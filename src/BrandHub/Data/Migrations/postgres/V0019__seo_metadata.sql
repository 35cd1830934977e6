-- The metadata BrandHub manages for a catalogue page, version by version: generated proposals and edits; one is
-- applied (what the shop renders and what the page's audits read).
CREATE TABLE seo_metadata_versions (
    tenant_id uuid NOT NULL,
    page_id uuid NOT NULL,
    version integer NOT NULL,
    source text NOT NULL,
    title text NOT NULL,
    description text NOT NULL,
    slug text NOT NULL,
    canonical text NOT NULL,
    robots text NOT NULL,
    open_graph_json jsonb NOT NULL,
    alt_texts_json jsonb NOT NULL,
    json_ld text NOT NULL,
    created_at timestamptz NOT NULL,
    created_by text NOT NULL,
    applied_at timestamptz NULL,
    applied_by text NULL,
    CONSTRAINT pk_seo_metadata_versions PRIMARY KEY (tenant_id, page_id, version)
);
ALTER TABLE seo_metadata_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE seo_metadata_versions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON seo_metadata_versions USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
ALTER TABLE seo_pages ADD COLUMN applied_version integer NULL;
