-- A bulk audit or generate over the catalogue: its job, how far it got (the last page URL done, in URL order, so a
-- restarted job continues after it and never redoes a page) and its progress.
CREATE TABLE seo_bulk_runs (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    job_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    filter_json TEXT NOT NULL,
    state TEXT NOT NULL,
    total INTEGER NOT NULL,
    done INTEGER NOT NULL,
    failed INTEGER NOT NULL,
    cursor TEXT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    started_at INTEGER NULL,
    finished_at INTEGER NULL,
    last_error TEXT NULL,
    CONSTRAINT pk_seo_bulk_runs PRIMARY KEY (tenant_id, id)
);
