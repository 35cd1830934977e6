-- Segments (PostgreSQL): criteria trees and their members, the contact events and metrics they evaluate, and the
-- transactional outbox through which membership changes (and later other domain events) leave the module.
CREATE TABLE segments (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    name text NOT NULL,
    description text NULL,
    type text NOT NULL,
    criteria_json jsonb NULL,
    member_count bigint NOT NULL,
    refreshed_at timestamptz NULL,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    deleted_at timestamptz NULL,
    CONSTRAINT pk_segments PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_segments_tenant_id_name ON segments (tenant_id, name);

CREATE TABLE segment_members (
    tenant_id uuid NOT NULL,
    segment_id uuid NOT NULL,
    contact_id uuid NOT NULL,
    added_at timestamptz NOT NULL,
    CONSTRAINT pk_segment_members PRIMARY KEY (tenant_id, segment_id, contact_id)
);
CREATE INDEX ix_segment_members_tenant_id_contact_id ON segment_members (tenant_id, contact_id);

-- What a contact did: ingested by the API now, by tracking (/api/v1/track) later. Segment event conditions read it.
CREATE TABLE contact_events (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    contact_id uuid NOT NULL,
    name text NOT NULL,
    occurred_at timestamptz NOT NULL,
    properties_json jsonb NOT NULL,
    revenue numeric(18,4) NULL,
    currency text NULL,
    CONSTRAINT pk_contact_events PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_contact_events_tenant_id_name_contact_id_occurred_at ON contact_events (tenant_id, name, contact_id, occurred_at);
CREATE INDEX ix_contact_events_tenant_id_contact_id_occurred_at ON contact_events (tenant_id, contact_id, occurred_at);

-- Computed per contact as events arrive, so "revenue over 500" is an index lookup, not an aggregate over every event.
CREATE TABLE contact_metrics (
    tenant_id uuid NOT NULL,
    contact_id uuid NOT NULL,
    orders integer NOT NULL,
    revenue numeric(18,4) NOT NULL,
    last_order_at timestamptz NULL,
    last_seen_at timestamptz NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT pk_contact_metrics PRIMARY KEY (tenant_id, contact_id)
);

CREATE TABLE outbox_messages (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    topic text NOT NULL,
    payload_json jsonb NOT NULL,
    occurred_at timestamptz NOT NULL,
    published_at timestamptz NULL,
    attempts integer NOT NULL,
    last_error text NULL,
    CONSTRAINT pk_outbox_messages PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_outbox_messages_tenant_id_topic_occurred_at ON outbox_messages (tenant_id, topic, occurred_at);
-- The relay scans across tenants for what is not yet published.
CREATE INDEX ix_outbox_messages_pending ON outbox_messages (occurred_at) WHERE published_at IS NULL;

ALTER TABLE segments ENABLE ROW LEVEL SECURITY;
ALTER TABLE segments FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON segments USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');

ALTER TABLE segment_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE segment_members FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON segment_members USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');

ALTER TABLE contact_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE contact_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON contact_events USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');

ALTER TABLE contact_metrics ENABLE ROW LEVEL SECURITY;
ALTER TABLE contact_metrics FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON contact_metrics USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');

ALTER TABLE outbox_messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE outbox_messages FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outbox_messages USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
