-- Content: email templates and their immutable versions (SQLite). Instants are Unix milliseconds.
CREATE TABLE email_templates (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NULL,
    subject TEXT NOT NULL,
    preheader TEXT NULL,
    html TEXT NOT NULL,
    text TEXT NULL,
    variables_json TEXT NOT NULL,
    current_version INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    archived_at INTEGER NULL,
    deleted_at INTEGER NULL,
    CONSTRAINT pk_email_templates PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_email_templates_tenant_id_updated_at ON email_templates (tenant_id, updated_at);
CREATE INDEX ix_email_templates_tenant_id_name ON email_templates (tenant_id, name);

CREATE TABLE email_template_versions (
    tenant_id TEXT NOT NULL,
    template_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    subject TEXT NOT NULL,
    preheader TEXT NULL,
    html TEXT NOT NULL,
    text TEXT NULL,
    variables_json TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    CONSTRAINT pk_email_template_versions PRIMARY KEY (tenant_id, template_id, version)
);
