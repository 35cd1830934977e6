-- Content: email templates and their immutable versions (PostgreSQL).
CREATE TABLE email_templates (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    name text NOT NULL,
    description text NULL,
    subject text NOT NULL,
    preheader text NULL,
    html text NOT NULL,
    text text NULL,
    variables_json jsonb NOT NULL,
    current_version integer NOT NULL,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL,
    updated_by text NOT NULL,
    updated_at timestamptz NOT NULL,
    archived_at timestamptz NULL,
    deleted_at timestamptz NULL,
    CONSTRAINT pk_email_templates PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_email_templates_tenant_id_updated_at ON email_templates (tenant_id, updated_at);
CREATE INDEX ix_email_templates_tenant_id_name ON email_templates (tenant_id, name);

CREATE TABLE email_template_versions (
    tenant_id uuid NOT NULL,
    template_id uuid NOT NULL,
    version integer NOT NULL,
    subject text NOT NULL,
    preheader text NULL,
    html text NOT NULL,
    text text NULL,
    variables_json jsonb NOT NULL,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL,
    CONSTRAINT pk_email_template_versions PRIMARY KEY (tenant_id, template_id, version)
);

ALTER TABLE email_templates ENABLE ROW LEVEL SECURITY;
ALTER TABLE email_templates FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON email_templates USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
ALTER TABLE email_template_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE email_template_versions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON email_template_versions USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
