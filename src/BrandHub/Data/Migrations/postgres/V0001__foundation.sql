-- BrandHub foundation schema (PostgreSQL).
CREATE TABLE tenants (
    id uuid NOT NULL CONSTRAINT pk_tenants PRIMARY KEY,
    name text NOT NULL,
    slug text NOT NULL,
    default_country text NOT NULL,
    timezone text NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX ix_tenants_slug ON tenants (slug);

CREATE TABLE users (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    email text NOT NULL,
    display_name text NOT NULL,
    role text NOT NULL,
    password_hash text NOT NULL,
    created_at timestamptz NOT NULL,
    disabled_at timestamptz NULL,
    CONSTRAINT pk_users PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX ix_users_email ON users (email);

CREATE TABLE api_keys (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    name text NOT NULL,
    prefix text NOT NULL,
    secret_hash text NOT NULL,
    role text NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamptz NOT NULL,
    last_used_at timestamptz NULL,
    revoked_at timestamptz NULL,
    CONSTRAINT pk_api_keys PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX ix_api_keys_prefix ON api_keys (prefix);

CREATE TABLE audit_entries (
    tenant_id uuid NOT NULL,
    sequence bigint NOT NULL,
    occurred_at timestamptz NOT NULL,
    actor text NOT NULL,
    action text NOT NULL,
    entity_type text NOT NULL,
    entity_id text NOT NULL,
    payload_digest text NOT NULL,
    previous_hash text NOT NULL,
    hash text NOT NULL,
    CONSTRAINT pk_audit_entries PRIMARY KEY (tenant_id, sequence)
);
CREATE INDEX ix_audit_entries_tenant_id_entity_type_entity_id ON audit_entries (tenant_id, entity_type, entity_id);
-- Append-only: the chain is the first wall, these triggers the second.
CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit entries are append-only'; END $$;
CREATE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON audit_entries FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();

CREATE TABLE audit_payloads (
    tenant_id uuid NOT NULL,
    sequence bigint NOT NULL,
    subject_id uuid NULL,
    before_json text NULL,
    after_json text NULL,
    erased_at timestamptz NULL,
    CONSTRAINT pk_audit_payloads PRIMARY KEY (tenant_id, sequence)
);
CREATE INDEX ix_audit_payloads_tenant_id_subject_id ON audit_payloads (tenant_id, subject_id);

CREATE TABLE audit_chain_heads (
    tenant_id uuid NOT NULL CONSTRAINT pk_audit_chain_heads PRIMARY KEY,
    last_sequence bigint NOT NULL,
    last_hash text NOT NULL
);

CREATE TABLE jobs (
    id uuid NOT NULL CONSTRAINT pk_jobs PRIMARY KEY,
    tenant_id uuid NULL,
    kind text NOT NULL,
    payload_json jsonb NOT NULL,
    status text NOT NULL,
    run_at timestamptz NOT NULL,
    attempts integer NOT NULL,
    max_attempts integer NOT NULL,
    lease_owner text NULL,
    lease_expires_at timestamptz NULL,
    progress_done bigint NOT NULL,
    progress_total bigint NOT NULL,
    last_error text NULL,
    dedup_key text NULL,
    created_at timestamptz NOT NULL,
    started_at timestamptz NULL,
    finished_at timestamptz NULL
);
CREATE INDEX ix_jobs_status_run_at ON jobs (status, run_at);
CREATE INDEX ix_jobs_tenant_id_created_at ON jobs (tenant_id, created_at);
CREATE UNIQUE INDEX ix_jobs_dedup_key ON jobs (dedup_key);

CREATE TABLE recurring_jobs (
    name text NOT NULL CONSTRAINT pk_recurring_jobs PRIMARY KEY,
    cron text NOT NULL,
    timezone text NOT NULL,
    kind text NOT NULL,
    payload_json jsonb NOT NULL,
    next_run_at timestamptz NOT NULL,
    last_run_at timestamptz NULL,
    enabled boolean NOT NULL
);

CREATE TABLE contacts (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    email text NULL,
    phone text NULL,
    first_name text NULL,
    last_name text NULL,
    company text NULL,
    city text NULL,
    country text NULL,
    locale text NULL,
    timezone text NULL,
    lifecycle_stage text NULL,
    tax_id text NULL,
    attributes_json jsonb NOT NULL,
    match_key text NOT NULL,
    global_unsubscribe_at timestamptz NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    deleted_at timestamptz NULL,
    merged_into_id uuid NULL,
    CONSTRAINT pk_contacts PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_contacts_tenant_id_email ON contacts (tenant_id, email);
CREATE INDEX ix_contacts_tenant_id_phone ON contacts (tenant_id, phone);
CREATE INDEX ix_contacts_tenant_id_tax_id ON contacts (tenant_id, tax_id);
CREATE INDEX ix_contacts_tenant_id_match_key ON contacts (tenant_id, match_key);
CREATE INDEX ix_contacts_tenant_id_created_at ON contacts (tenant_id, created_at);
-- One live contact per email / phone per tenant: identity resolution relies on it under concurrency.
CREATE UNIQUE INDEX ux_contacts_live_email ON contacts (tenant_id, email) WHERE email IS NOT NULL AND deleted_at IS NULL AND merged_into_id IS NULL;
CREATE UNIQUE INDEX ux_contacts_live_phone ON contacts (tenant_id, phone) WHERE phone IS NOT NULL AND deleted_at IS NULL AND merged_into_id IS NULL;

CREATE TABLE contact_tags (
    tenant_id uuid NOT NULL,
    contact_id uuid NOT NULL,
    tag text NOT NULL,
    CONSTRAINT pk_contact_tags PRIMARY KEY (tenant_id, contact_id, tag),
    CONSTRAINT fk_contact_tags_contacts FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_contact_tags_tenant_id_tag ON contact_tags (tenant_id, tag);

CREATE TABLE contact_external_ids (
    tenant_id uuid NOT NULL,
    source text NOT NULL,
    external_id text NOT NULL,
    contact_id uuid NOT NULL,
    CONSTRAINT pk_contact_external_ids PRIMARY KEY (tenant_id, source, external_id),
    CONSTRAINT fk_contact_external_ids_contacts FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_contact_external_ids_tenant_id_contact_id ON contact_external_ids (tenant_id, contact_id);

CREATE TABLE attribute_definitions (
    tenant_id uuid NOT NULL,
    name text NOT NULL,
    type text NOT NULL,
    label text NOT NULL,
    created_at timestamptz NOT NULL,
    CONSTRAINT pk_attribute_definitions PRIMARY KEY (tenant_id, name)
);

CREATE TABLE contact_consents (
    tenant_id uuid NOT NULL,
    contact_id uuid NOT NULL,
    channel text NOT NULL,
    status text NOT NULL,
    source text NULL,
    legal_basis text NULL,
    proof_ip text NULL,
    proof_user_agent text NULL,
    proof_reference text NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT pk_contact_consents PRIMARY KEY (tenant_id, contact_id, channel),
    CONSTRAINT fk_contact_consents_contacts FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_contact_consents_tenant_id_channel_status ON contact_consents (tenant_id, channel, status);

CREATE TABLE consent_events (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    contact_id uuid NOT NULL,
    channel text NOT NULL,
    status text NOT NULL,
    source text NULL,
    legal_basis text NULL,
    proof_ip text NULL,
    proof_user_agent text NULL,
    proof_reference text NULL,
    occurred_at timestamptz NOT NULL,
    actor text NOT NULL,
    CONSTRAINT pk_consent_events PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_consent_events_tenant_id_contact_id_occurred_at ON consent_events (tenant_id, contact_id, occurred_at);

CREATE TABLE suppressions (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    channel text NOT NULL,
    address text NOT NULL,
    reason text NOT NULL,
    note text NULL,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL,
    CONSTRAINT pk_suppressions PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX ix_suppressions_tenant_id_channel_address ON suppressions (tenant_id, channel, address);

CREATE TABLE timeline_events (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    contact_id uuid NOT NULL,
    occurred_at timestamptz NOT NULL,
    kind text NOT NULL,
    summary text NOT NULL,
    data_json jsonb NOT NULL,
    CONSTRAINT pk_timeline_events PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_timeline_events_tenant_id_contact_id_occurred_at ON timeline_events (tenant_id, contact_id, occurred_at);

CREATE TABLE identity_reviews (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    contact_id uuid NOT NULL,
    candidate_id uuid NOT NULL,
    score double precision NOT NULL,
    reasons_json text NOT NULL,
    status text NOT NULL,
    created_at timestamptz NOT NULL,
    decided_at timestamptz NULL,
    decided_by text NULL,
    CONSTRAINT pk_identity_reviews PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_identity_reviews_tenant_id_status_created_at ON identity_reviews (tenant_id, status, created_at);
CREATE UNIQUE INDEX ix_identity_reviews_tenant_id_contact_id_candidate_id ON identity_reviews (tenant_id, contact_id, candidate_id);

CREATE TABLE contact_merges (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    survivor_id uuid NOT NULL,
    merged_id uuid NOT NULL,
    reason text NOT NULL,
    snapshot_json text NOT NULL,
    merged_at timestamptz NOT NULL,
    merged_by text NOT NULL,
    undone_at timestamptz NULL,
    CONSTRAINT pk_contact_merges PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_contact_merges_tenant_id_merged_at ON contact_merges (tenant_id, merged_at);

CREATE TABLE erasures (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    contact_id uuid NOT NULL,
    erased_at timestamptz NOT NULL,
    erased_by text NOT NULL,
    rows_json text NOT NULL,
    CONSTRAINT pk_erasures PRIMARY KEY (tenant_id, id)
);

CREATE TABLE contact_imports (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    file_name text NOT NULL,
    file_sha256 text NOT NULL,
    content bytea NULL,
    mapping_json text NOT NULL,
    options_json text NOT NULL,
    status text NOT NULL,
    total_rows integer NOT NULL,
    processed_rows integer NOT NULL,
    created integer NOT NULL,
    updated integer NOT NULL,
    unchanged integer NOT NULL,
    failed integer NOT NULL,
    job_id uuid NULL,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL,
    started_at timestamptz NULL,
    finished_at timestamptz NULL,
    error text NULL,
    CONSTRAINT pk_contact_imports PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_contact_imports_tenant_id_created_at ON contact_imports (tenant_id, created_at);

CREATE TABLE import_row_errors (
    tenant_id uuid NOT NULL,
    import_id uuid NOT NULL,
    row integer NOT NULL,
    field text NOT NULL,
    value text NULL,
    error text NOT NULL,
    CONSTRAINT pk_import_row_errors PRIMARY KEY (tenant_id, import_id, row, field)
);

-- Row-level security: the second wall behind the application's tenant filter. The app sets app.tenant_id per
-- connection; platform work (login lookup, job claims) sets app.bypass_rls. Without either, no row is visible.
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON users USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON api_keys USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
ALTER TABLE audit_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_entries FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_entries USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
ALTER TABLE audit_payloads ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_payloads FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_payloads USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
ALTER TABLE audit_chain_heads ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_chain_heads FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_chain_heads USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
ALTER TABLE contacts ENABLE ROW LEVEL SECURITY;
ALTER TABLE contacts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON contacts USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
ALTER TABLE contact_tags ENABLE ROW LEVEL SECURITY;
ALTER TABLE contact_tags FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON contact_tags USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
ALTER TABLE contact_external_ids ENABLE ROW LEVEL SECURITY;
ALTER TABLE contact_external_ids FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON contact_external_ids USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
ALTER TABLE attribute_definitions ENABLE ROW LEVEL SECURITY;
ALTER TABLE attribute_definitions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON attribute_definitions USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
ALTER TABLE contact_consents ENABLE ROW LEVEL SECURITY;
ALTER TABLE contact_consents FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON contact_consents USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
ALTER TABLE consent_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE consent_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON consent_events USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
ALTER TABLE suppressions ENABLE ROW LEVEL SECURITY;
ALTER TABLE suppressions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON suppressions USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
ALTER TABLE timeline_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE timeline_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON timeline_events USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
ALTER TABLE identity_reviews ENABLE ROW LEVEL SECURITY;
ALTER TABLE identity_reviews FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON identity_reviews USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
ALTER TABLE contact_merges ENABLE ROW LEVEL SECURITY;
ALTER TABLE contact_merges FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON contact_merges USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
ALTER TABLE erasures ENABLE ROW LEVEL SECURITY;
ALTER TABLE erasures FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON erasures USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
ALTER TABLE contact_imports ENABLE ROW LEVEL SECURITY;
ALTER TABLE contact_imports FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON contact_imports USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
ALTER TABLE import_row_errors ENABLE ROW LEVEL SECURITY;
ALTER TABLE import_row_errors FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON import_row_errors USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
