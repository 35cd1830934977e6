-- Campaigns (PostgreSQL): the orchestrator's campaigns, their channel steps, launch runs (progress and the resumable
-- cursor), team roles, comment threads and budget alerts. Campaign content saved inline lives as email templates
-- owned by the campaign (email_templates.campaign_id), hidden from the template library.
CREATE TABLE campaigns (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    name text NOT NULL,
    goal text NOT NULL,
    description text NULL,
    timezone text NOT NULL,
    status text NOT NULL,
    audience_json text NOT NULL,
    budget numeric(18,4) NULL,
    currency text NULL,
    costs_json text NOT NULL,
    schedule_json text NULL,
    next_run_at timestamptz NULL,
    current_run integer NOT NULL,
    paused_reason text NULL,
    niche text NULL,
    is_template boolean NOT NULL,
    owner_id text NOT NULL,
    launched_at timestamptz NULL,
    completed_at timestamptz NULL,
    archived_at timestamptz NULL,
    deleted_at timestamptz NULL,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL,
    updated_by text NOT NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT pk_campaigns PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_campaigns_tenant_id_status_updated_at ON campaigns (tenant_id, status, updated_at);
CREATE INDEX ix_campaigns_tenant_id_name ON campaigns (tenant_id, name);

CREATE TABLE campaign_steps (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    campaign_id uuid NOT NULL,
    position integer NOT NULL,
    name text NOT NULL,
    channel text NOT NULL,
    delay_minutes integer NOT NULL,
    holdout_percent numeric(5,2) NOT NULL,
    variants_json text NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT pk_campaign_steps PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_campaign_steps_tenant_id_campaign_id_position ON campaign_steps (tenant_id, campaign_id, position);

CREATE TABLE campaign_runs (
    tenant_id uuid NOT NULL,
    campaign_id uuid NOT NULL,
    run integer NOT NULL,
    step_id uuid NOT NULL,
    status text NOT NULL,
    audience bigint NOT NULL,
    queued bigint NOT NULL,
    cursor uuid NULL,
    launched_at timestamptz NOT NULL,
    finished_at timestamptz NULL,
    CONSTRAINT pk_campaign_runs PRIMARY KEY (tenant_id, campaign_id, run, step_id)
);

CREATE TABLE campaign_roles (
    tenant_id uuid NOT NULL,
    campaign_id uuid NOT NULL,
    user_id uuid NOT NULL,
    role text NOT NULL,
    granted_by text NOT NULL,
    granted_at timestamptz NOT NULL,
    CONSTRAINT pk_campaign_roles PRIMARY KEY (tenant_id, campaign_id, user_id)
);

CREATE TABLE campaign_comments (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    campaign_id uuid NOT NULL,
    parent_id uuid NULL,
    author text NOT NULL,
    body text NOT NULL,
    created_at timestamptz NOT NULL,
    edited_at timestamptz NULL,
    deleted_at timestamptz NULL,
    CONSTRAINT pk_campaign_comments PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_campaign_comments_tenant_id_campaign_id_created_at ON campaign_comments (tenant_id, campaign_id, created_at);

CREATE TABLE campaign_alerts (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    campaign_id uuid NOT NULL,
    kind text NOT NULL,
    message text NOT NULL,
    created_at timestamptz NOT NULL,
    CONSTRAINT pk_campaign_alerts PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_campaign_alerts_tenant_id_campaign_id_created_at ON campaign_alerts (tenant_id, campaign_id, created_at);

ALTER TABLE email_templates ADD COLUMN campaign_id uuid NULL;
-- Campaign metrics group a campaign's deliveries by step and variant.
CREATE INDEX ix_deliveries_tenant_id_campaign_id_step_id_variant_id ON deliveries (tenant_id, campaign_id, step_id, variant_id);

ALTER TABLE campaigns ENABLE ROW LEVEL SECURITY;
ALTER TABLE campaigns FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON campaigns USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');

ALTER TABLE campaign_steps ENABLE ROW LEVEL SECURITY;
ALTER TABLE campaign_steps FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON campaign_steps USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');

ALTER TABLE campaign_runs ENABLE ROW LEVEL SECURITY;
ALTER TABLE campaign_runs FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON campaign_runs USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');

ALTER TABLE campaign_roles ENABLE ROW LEVEL SECURITY;
ALTER TABLE campaign_roles FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON campaign_roles USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');

ALTER TABLE campaign_comments ENABLE ROW LEVEL SECURITY;
ALTER TABLE campaign_comments FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON campaign_comments USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');

ALTER TABLE campaign_alerts ENABLE ROW LEVEL SECURITY;
ALTER TABLE campaign_alerts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON campaign_alerts USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
