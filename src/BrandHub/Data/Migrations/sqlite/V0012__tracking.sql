-- Tracking (SQLite; instants are Unix milliseconds, money INTEGER ten-thousandths; PRODUCT.md §9): events from sites, apps and the ERP; the public write keys browsers send them with; and which
-- anonymous visitor turned out to be which contact (identify), so a visitor's earlier history joins the contact's.
CREATE TABLE write_keys (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    key TEXT NOT NULL,
    allowed_origins_json TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    revoked_at INTEGER NULL,
    CONSTRAINT pk_write_keys PRIMARY KEY (tenant_id, id)
);
-- Looked up by the key alone (it names the tenant), so unique across tenants.
CREATE UNIQUE INDEX ux_write_keys_key ON write_keys (key);

CREATE TABLE track_events (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    occurred_at INTEGER NOT NULL,
    received_at INTEGER NOT NULL,
    anonymous_id TEXT NULL,
    contact_id TEXT NULL,
    url TEXT NULL,
    referrer TEXT NULL,
    utm_source TEXT NULL,
    utm_medium TEXT NULL,
    utm_campaign TEXT NULL,
    utm_term TEXT NULL,
    utm_content TEXT NULL,
    click_kind TEXT NULL,
    click_id TEXT NULL,
    delivery_id TEXT NULL,
    channel TEXT NOT NULL,
    source TEXT NOT NULL,
    revenue INTEGER NULL,
    currency TEXT NULL,
    order_id TEXT NULL,
    properties_json TEXT NOT NULL,
    CONSTRAINT pk_track_events PRIMARY KEY (tenant_id, id)
);
-- The sender's event id: a retried batch stores nothing twice.
CREATE UNIQUE INDEX ux_track_events_event_id ON track_events (tenant_id, event_id);
CREATE INDEX ix_track_events_tenant_id_occurred_at ON track_events (tenant_id, occurred_at);
CREATE INDEX ix_track_events_contact ON track_events (tenant_id, contact_id, occurred_at) WHERE contact_id IS NOT NULL;
CREATE INDEX ix_track_events_anonymous ON track_events (tenant_id, anonymous_id, occurred_at) WHERE anonymous_id IS NOT NULL;

CREATE TABLE visitor_identities (
    tenant_id TEXT NOT NULL,
    anonymous_id TEXT NOT NULL,
    contact_id TEXT NOT NULL,
    identified_at INTEGER NOT NULL,
    CONSTRAINT pk_visitor_identities PRIMARY KEY (tenant_id, anonymous_id)
);
CREATE INDEX ix_visitor_identities_tenant_id_contact_id ON visitor_identities (tenant_id, contact_id);
