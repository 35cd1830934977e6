-- Tracking (PRODUCT.md §9): events from sites, apps and the ERP; the public write keys browsers send them with; and which
-- anonymous visitor turned out to be which contact (identify), so a visitor's earlier history joins the contact's.
CREATE TABLE write_keys (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    name text NOT NULL,
    key text NOT NULL,
    allowed_origins_json jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    created_by text NOT NULL,
    revoked_at timestamptz NULL,
    CONSTRAINT pk_write_keys PRIMARY KEY (tenant_id, id)
);
-- Looked up by the key alone (it names the tenant), so unique across tenants.
CREATE UNIQUE INDEX ux_write_keys_key ON write_keys (key);

CREATE TABLE track_events (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    event_id text NOT NULL,
    type text NOT NULL,
    name text NOT NULL,
    occurred_at timestamptz NOT NULL,
    received_at timestamptz NOT NULL,
    anonymous_id text NULL,
    contact_id uuid NULL,
    url text NULL,
    referrer text NULL,
    utm_source text NULL,
    utm_medium text NULL,
    utm_campaign text NULL,
    utm_term text NULL,
    utm_content text NULL,
    click_kind text NULL,
    click_id text NULL,
    delivery_id uuid NULL,
    channel text NOT NULL,
    source text NOT NULL,
    revenue numeric(18,4) NULL,
    currency text NULL,
    order_id text NULL,
    properties_json jsonb NOT NULL,
    CONSTRAINT pk_track_events PRIMARY KEY (tenant_id, id)
);
-- The sender's event id: a retried batch stores nothing twice.
CREATE UNIQUE INDEX ux_track_events_event_id ON track_events (tenant_id, event_id);
CREATE INDEX ix_track_events_tenant_id_occurred_at ON track_events (tenant_id, occurred_at);
CREATE INDEX ix_track_events_contact ON track_events (tenant_id, contact_id, occurred_at) WHERE contact_id IS NOT NULL;
CREATE INDEX ix_track_events_anonymous ON track_events (tenant_id, anonymous_id, occurred_at) WHERE anonymous_id IS NOT NULL;

CREATE TABLE visitor_identities (
    tenant_id uuid NOT NULL,
    anonymous_id text NOT NULL,
    contact_id uuid NOT NULL,
    identified_at timestamptz NOT NULL,
    CONSTRAINT pk_visitor_identities PRIMARY KEY (tenant_id, anonymous_id)
);
CREATE INDEX ix_visitor_identities_tenant_id_contact_id ON visitor_identities (tenant_id, contact_id);

ALTER TABLE write_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE write_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON write_keys USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
ALTER TABLE track_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE track_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON track_events USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
ALTER TABLE visitor_identities ENABLE ROW LEVEL SECURITY;
ALTER TABLE visitor_identities FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON visitor_identities USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
