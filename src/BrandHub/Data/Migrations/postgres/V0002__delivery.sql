-- Delivery engine (PostgreSQL): deliveries (the outbox), their history, and each tenant's default send policies.
CREATE TABLE deliveries (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    channel text NOT NULL,
    category text NOT NULL,
    contact_id uuid NULL,
    address text NOT NULL,
    template_id uuid NULL,
    template_version integer NULL,
    content_json text NULL,
    data_json jsonb NOT NULL,
    idempotency_key text NOT NULL,
    status text NOT NULL,
    reason text NULL,
    attempts integer NOT NULL,
    run_at timestamptz NOT NULL,
    lease_owner text NULL,
    lease_expires_at timestamptz NULL,
    frequency_cap_max integer NULL,
    frequency_cap_window_minutes integer NULL,
    provider text NULL,
    provider_message_id text NULL,
    last_error text NULL,
    campaign_id uuid NULL,
    step_id uuid NULL,
    variant_id uuid NULL,
    created_at timestamptz NOT NULL,
    sent_at timestamptz NULL,
    updated_at timestamptz NOT NULL,
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
    tenant_id uuid NOT NULL,
    delivery_id uuid NOT NULL,
    id uuid NOT NULL,
    from_status text NULL,
    to_status text NOT NULL,
    at timestamptz NOT NULL,
    detail text NULL,
    CONSTRAINT pk_delivery_transitions PRIMARY KEY (tenant_id, delivery_id, id)
);

CREATE TABLE delivery_policies (
    tenant_id uuid NOT NULL CONSTRAINT pk_delivery_policies PRIMARY KEY,
    frequency_cap_max integer NULL,
    frequency_cap_window_minutes integer NULL,
    quiet_hours_start_minute integer NULL,
    quiet_hours_end_minute integer NULL,
    updated_at timestamptz NOT NULL
);

-- Row-level security, as in V0001.
ALTER TABLE deliveries ENABLE ROW LEVEL SECURITY;
ALTER TABLE deliveries FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON deliveries USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
ALTER TABLE delivery_transitions ENABLE ROW LEVEL SECURITY;
ALTER TABLE delivery_transitions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON delivery_transitions USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
ALTER TABLE delivery_policies ENABLE ROW LEVEL SECURITY;
ALTER TABLE delivery_policies FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON delivery_policies USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
