-- Campaigns (SQLite; instants are Unix milliseconds, money INTEGER ten-thousandths): the orchestrator's campaigns, their channel steps, launch runs (progress and the resumable
-- cursor), team roles, comment threads and budget alerts. Campaign content saved inline lives as email templates
-- owned by the campaign (email_templates.campaign_id), hidden from the template library.
CREATE TABLE campaigns (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    goal TEXT NOT NULL,
    description TEXT NULL,
    timezone TEXT NOT NULL,
    status TEXT NOT NULL,
    audience_json TEXT NOT NULL,
    budget INTEGER NULL,
    currency TEXT NULL,
    costs_json TEXT NOT NULL,
    schedule_json TEXT NULL,
    next_run_at INTEGER NULL,
    current_run INTEGER NOT NULL,
    paused_reason TEXT NULL,
    niche TEXT NULL,
    is_template INTEGER NOT NULL,
    owner_id TEXT NOT NULL,
    launched_at INTEGER NULL,
    completed_at INTEGER NULL,
    archived_at INTEGER NULL,
    deleted_at INTEGER NULL,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    CONSTRAINT pk_campaigns PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_campaigns_tenant_id_status_updated_at ON campaigns (tenant_id, status, updated_at);
CREATE INDEX ix_campaigns_tenant_id_name ON campaigns (tenant_id, name);

CREATE TABLE campaign_steps (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    campaign_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    channel TEXT NOT NULL,
    delay_minutes INTEGER NOT NULL,
    holdout_percent INTEGER NOT NULL,
    variants_json TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    CONSTRAINT pk_campaign_steps PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_campaign_steps_tenant_id_campaign_id_position ON campaign_steps (tenant_id, campaign_id, position);

CREATE TABLE campaign_runs (
    tenant_id TEXT NOT NULL,
    campaign_id TEXT NOT NULL,
    run INTEGER NOT NULL,
    step_id TEXT NOT NULL,
    status TEXT NOT NULL,
    audience INTEGER NOT NULL,
    queued INTEGER NOT NULL,
    cursor TEXT NULL,
    launched_at INTEGER NOT NULL,
    finished_at INTEGER NULL,
    CONSTRAINT pk_campaign_runs PRIMARY KEY (tenant_id, campaign_id, run, step_id)
);

CREATE TABLE campaign_roles (
    tenant_id TEXT NOT NULL,
    campaign_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    role TEXT NOT NULL,
    granted_by TEXT NOT NULL,
    granted_at INTEGER NOT NULL,
    CONSTRAINT pk_campaign_roles PRIMARY KEY (tenant_id, campaign_id, user_id)
);

CREATE TABLE campaign_comments (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    campaign_id TEXT NOT NULL,
    parent_id TEXT NULL,
    author TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    edited_at INTEGER NULL,
    deleted_at INTEGER NULL,
    CONSTRAINT pk_campaign_comments PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_campaign_comments_tenant_id_campaign_id_created_at ON campaign_comments (tenant_id, campaign_id, created_at);

CREATE TABLE campaign_alerts (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    campaign_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    message TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    CONSTRAINT pk_campaign_alerts PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_campaign_alerts_tenant_id_campaign_id_created_at ON campaign_alerts (tenant_id, campaign_id, created_at);

ALTER TABLE email_templates ADD COLUMN campaign_id TEXT NULL;
-- Campaign metrics group a campaign's deliveries by step and variant.
CREATE INDEX ix_deliveries_tenant_id_campaign_id_step_id_variant_id ON deliveries (tenant_id, campaign_id, step_id, variant_id);

