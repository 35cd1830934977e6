-- A bulk audit or generate over the catalogue: its job, how far it got (the last page URL done, in URL order, so a
-- restarted job continues after it and never redoes a page) and its progress.
CREATE TABLE seo_bulk_runs (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    job_id uuid NOT NULL,
    kind text NOT NULL,
    filter_json jsonb NOT NULL,
    state text NOT NULL,
    total integer NOT NULL,
    done integer NOT NULL,
    failed integer NOT NULL,
    cursor text NULL,
    created_at timestamptz NOT NULL,
    created_by text NOT NULL,
    started_at timestamptz NULL,
    finished_at timestamptz NULL,
    last_error text NULL,
    CONSTRAINT pk_seo_bulk_runs PRIMARY KEY (tenant_id, id)
);
ALTER TABLE seo_bulk_runs ENABLE ROW LEVEL SECURITY;
ALTER TABLE seo_bulk_runs FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON seo_bulk_runs USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
