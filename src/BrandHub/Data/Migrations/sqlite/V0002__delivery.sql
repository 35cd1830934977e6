-- Delivery engine (SQLite): deliveries (the outbox), their history, and each tenant's default send policies.
CREATE TABLE deliveries (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    channel TEXT NOT NULL,
    category TEXT NOT NULL,
    contact_id TEXT NULL,
    address TEXT NOT NULL,
    template_id TEXT NULL,
    template_version INTEGER NULL,
    content_json TEXT NULL,
    data_json TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT NULL,
    attempts INTEGER NOT NULL,
    run_at INTEGER NOT NULL,
    lease_owner TEXT NULL,
    lease_expires_at INTEGER NULL,
    frequency_cap_max INTEGER NULL,
    frequency_cap_window_minutes INTEGER NULL,
    provider TEXT NULL,
    provider_message_id TEXT NULL,
    last_error TEXT NULL,
    campaign_id TEXT NULL,
    step_id TEXT NULL,
    variant_id TEXT NULL,
    created_at INTEGER NOT NULL,
    sent_at INTEGER NULL,
    updated_at INTEGER NOT NULL,
    CONSTRAINT pk_deliveries PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX ix_deliveries_tenant_id_idempotency_key ON deliveries (tenant_id, idempotency_key);
CREATE INDEX ix_deliveries_tenant_id_created_at ON deliveries (tenant_id, created_at);
CREATE INDEX ix_deliveries_tenant_id_status_created_at ON deliveries (tenant_id, status, created_at);
CREATE INDEX ix_deliveries_tenant_id_contact_id_sent_at ON deliveries (tenant_id, contact_id, sent_at);
CREATE INDEX ix_deliveries_tenant_id_campaign_id_status ON deliveries (tenant_id, campaign_id, status);
CREATE INDEX ix_deliveries_tenant_id_provider_message_id ON deliveries (tenant_id, provider_message_id);
-- The dispatcher's claims span tenants: small partial indexes over only the rows it looks for (due and expired leases).
CREATE INDEX ix_deliveries_due ON deliveries (run_at) WHERE status = 'queued';
CREATE INDEX ix_deliveries_leased ON deliveries (lease_expires_at) WHERE status = 'sending';

CREATE TABLE delivery_transitions (
    tenant_id TEXT NOT NULL,
    delivery_id TEXT NOT NULL,
    id TEXT NOT NULL,
    from_status TEXT NULL,
    to_status TEXT NOT NULL,
    at INTEGER NOT NULL,
    detail TEXT NULL,
    CONSTRAINT pk_delivery_transitions PRIMARY KEY (tenant_id, delivery_id, id)
);

CREATE TABLE delivery_policies (
    tenant_id TEXT NOT NULL CONSTRAINT pk_delivery_policies PRIMARY KEY,
    frequency_cap_max INTEGER NULL,
    frequency_cap_window_minutes INTEGER NULL,
    quiet_hours_start_minute INTEGER NULL,
    quiet_hours_end_minute INTEGER NULL,
    updated_at INTEGER NOT NULL
);
