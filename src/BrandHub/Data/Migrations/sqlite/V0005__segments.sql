-- Segments (SQLite): criteria trees and their members, the contact events and metrics they evaluate, and the
-- transactional outbox through which membership changes (and later other domain events) leave the module.
-- Instants are Unix milliseconds; money (revenue) is INTEGER ten-thousandths so sums and comparisons stay exact.
CREATE TABLE segments (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NULL,
    type TEXT NOT NULL,
    criteria_json TEXT NULL,
    member_count INTEGER NOT NULL,
    refreshed_at INTEGER NULL,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    deleted_at INTEGER NULL,
    CONSTRAINT pk_segments PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_segments_tenant_id_name ON segments (tenant_id, name);

CREATE TABLE segment_members (
    tenant_id TEXT NOT NULL,
    segment_id TEXT NOT NULL,
    contact_id TEXT NOT NULL,
    added_at INTEGER NOT NULL,
    CONSTRAINT pk_segment_members PRIMARY KEY (tenant_id, segment_id, contact_id)
);
CREATE INDEX ix_segment_members_tenant_id_contact_id ON segment_members (tenant_id, contact_id);

-- What a contact did: ingested by the API now, by tracking (/api/v1/track) later. Segment event conditions read it.
CREATE TABLE contact_events (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    contact_id TEXT NOT NULL,
    name TEXT NOT NULL,
    occurred_at INTEGER NOT NULL,
    properties_json TEXT NOT NULL,
    revenue INTEGER NULL,
    currency TEXT NULL,
    CONSTRAINT pk_contact_events PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_contact_events_tenant_id_name_contact_id_occurred_at ON contact_events (tenant_id, name, contact_id, occurred_at);
CREATE INDEX ix_contact_events_tenant_id_contact_id_occurred_at ON contact_events (tenant_id, contact_id, occurred_at);

-- Computed per contact as events arrive, so "revenue over 500" is an index lookup, not an aggregate over every event.
CREATE TABLE contact_metrics (
    tenant_id TEXT NOT NULL,
    contact_id TEXT NOT NULL,
    orders INTEGER NOT NULL,
    revenue INTEGER NOT NULL,
    last_order_at INTEGER NULL,
    last_seen_at INTEGER NULL,
    updated_at INTEGER NOT NULL,
    CONSTRAINT pk_contact_metrics PRIMARY KEY (tenant_id, contact_id)
);

CREATE TABLE outbox_messages (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    topic TEXT NOT NULL,
    payload_json TEXT NOT NULL,
    occurred_at INTEGER NOT NULL,
    published_at INTEGER NULL,
    attempts INTEGER NOT NULL,
    last_error TEXT NULL,
    CONSTRAINT pk_outbox_messages PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_outbox_messages_tenant_id_topic_occurred_at ON outbox_messages (tenant_id, topic, occurred_at);
-- The relay scans across tenants for what is not yet published.
CREATE INDEX ix_outbox_messages_pending ON outbox_messages (occurred_at) WHERE published_at IS NULL;

