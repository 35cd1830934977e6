-- BrandHub foundation schema (SQLite). Instants are Unix milliseconds (INTEGER), ids are TEXT GUIDs.
CREATE TABLE tenants (
    id TEXT NOT NULL CONSTRAINT pk_tenants PRIMARY KEY,
    name TEXT NOT NULL,
    slug TEXT NOT NULL,
    default_country TEXT NOT NULL,
    timezone TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX ix_tenants_slug ON tenants (slug);

CREATE TABLE users (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    email TEXT NOT NULL,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    disabled_at INTEGER NULL,
    CONSTRAINT pk_users PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX ix_users_email ON users (email);

CREATE TABLE api_keys (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    prefix TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_used_at INTEGER NULL,
    revoked_at INTEGER NULL,
    CONSTRAINT pk_api_keys PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX ix_api_keys_prefix ON api_keys (prefix);

CREATE TABLE audit_entries (
    tenant_id TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    occurred_at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    payload_digest TEXT NOT NULL,
    previous_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    CONSTRAINT pk_audit_entries PRIMARY KEY (tenant_id, sequence)
);
CREATE INDEX ix_audit_entries_tenant_id_entity_type_entity_id ON audit_entries (tenant_id, entity_type, entity_id);
-- Append-only: the chain is the first wall, these triggers the second.
CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;

CREATE TABLE audit_payloads (
    tenant_id TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    subject_id TEXT NULL,
    before_json TEXT NULL,
    after_json TEXT NULL,
    erased_at INTEGER NULL,
    CONSTRAINT pk_audit_payloads PRIMARY KEY (tenant_id, sequence)
);
CREATE INDEX ix_audit_payloads_tenant_id_subject_id ON audit_payloads (tenant_id, subject_id);

CREATE TABLE audit_chain_heads (
    tenant_id TEXT NOT NULL CONSTRAINT pk_audit_chain_heads PRIMARY KEY,
    last_sequence INTEGER NOT NULL,
    last_hash TEXT NOT NULL
);

CREATE TABLE jobs (
    id TEXT NOT NULL CONSTRAINT pk_jobs PRIMARY KEY,
    tenant_id TEXT NULL,
    kind TEXT NOT NULL,
    payload_json TEXT NOT NULL,
    status TEXT NOT NULL,
    run_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL,
    max_attempts INTEGER NOT NULL,
    lease_owner TEXT NULL,
    lease_expires_at INTEGER NULL,
    progress_done INTEGER NOT NULL,
    progress_total INTEGER NOT NULL,
    last_error TEXT NULL,
    dedup_key TEXT NULL,
    created_at INTEGER NOT NULL,
    started_at INTEGER NULL,
    finished_at INTEGER NULL
);
CREATE INDEX ix_jobs_status_run_at ON jobs (status, run_at);
CREATE INDEX ix_jobs_tenant_id_created_at ON jobs (tenant_id, created_at);
CREATE UNIQUE INDEX ix_jobs_dedup_key ON jobs (dedup_key);

CREATE TABLE recurring_jobs (
    name TEXT NOT NULL CONSTRAINT pk_recurring_jobs PRIMARY KEY,
    cron TEXT NOT NULL,
    timezone TEXT NOT NULL,
    kind TEXT NOT NULL,
    payload_json TEXT NOT NULL,
    next_run_at INTEGER NOT NULL,
    last_run_at INTEGER NULL,
    enabled INTEGER NOT NULL
);

CREATE TABLE contacts (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    email TEXT NULL,
    phone TEXT NULL,
    first_name TEXT NULL,
    last_name TEXT NULL,
    company TEXT NULL,
    city TEXT NULL,
    country TEXT NULL,
    locale TEXT NULL,
    timezone TEXT NULL,
    lifecycle_stage TEXT NULL,
    tax_id TEXT NULL,
    attributes_json TEXT NOT NULL,
    match_key TEXT NOT NULL,
    global_unsubscribe_at INTEGER NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    deleted_at INTEGER NULL,
    merged_into_id TEXT NULL,
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
    tenant_id TEXT NOT NULL,
    contact_id TEXT NOT NULL,
    tag TEXT NOT NULL,
    CONSTRAINT pk_contact_tags PRIMARY KEY (tenant_id, contact_id, tag),
    CONSTRAINT fk_contact_tags_contacts FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_contact_tags_tenant_id_tag ON contact_tags (tenant_id, tag);

CREATE TABLE contact_external_ids (
    tenant_id TEXT NOT NULL,
    source TEXT NOT NULL,
    external_id TEXT NOT NULL,
    contact_id TEXT NOT NULL,
    CONSTRAINT pk_contact_external_ids PRIMARY KEY (tenant_id, source, external_id),
    CONSTRAINT fk_contact_external_ids_contacts FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_contact_external_ids_tenant_id_contact_id ON contact_external_ids (tenant_id, contact_id);

CREATE TABLE attribute_definitions (
    tenant_id TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    label TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    CONSTRAINT pk_attribute_definitions PRIMARY KEY (tenant_id, name)
);

CREATE TABLE contact_consents (
    tenant_id TEXT NOT NULL,
    contact_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    status TEXT NOT NULL,
    source TEXT NULL,
    legal_basis TEXT NULL,
    proof_ip TEXT NULL,
    proof_user_agent TEXT NULL,
    proof_reference TEXT NULL,
    updated_at INTEGER NOT NULL,
    CONSTRAINT pk_contact_consents PRIMARY KEY (tenant_id, contact_id, channel),
    CONSTRAINT fk_contact_consents_contacts FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_contact_consents_tenant_id_channel_status ON contact_consents (tenant_id, channel, status);

CREATE TABLE consent_events (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    contact_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    status TEXT NOT NULL,
    source TEXT NULL,
    legal_basis TEXT NULL,
    proof_ip TEXT NULL,
    proof_user_agent TEXT NULL,
    proof_reference TEXT NULL,
    occurred_at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    CONSTRAINT pk_consent_events PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_consent_events_tenant_id_contact_id_occurred_at ON consent_events (tenant_id, contact_id, occurred_at);

CREATE TABLE suppressions (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    channel TEXT NOT NULL,
    address TEXT NOT NULL,
    reason TEXT NOT NULL,
    note TEXT NULL,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    CONSTRAINT pk_suppressions PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX ix_suppressions_tenant_id_channel_address ON suppressions (tenant_id, channel, address);

CREATE TABLE timeline_events (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    contact_id TEXT NOT NULL,
    occurred_at INTEGER NOT NULL,
    kind TEXT NOT NULL,
    summary TEXT NOT NULL,
    data_json TEXT NOT NULL,
    CONSTRAINT pk_timeline_events PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_timeline_events_tenant_id_contact_id_occurred_at ON timeline_events (tenant_id, contact_id, occurred_at);

CREATE TABLE identity_reviews (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    contact_id TEXT NOT NULL,
    candidate_id TEXT NOT NULL,
    score REAL NOT NULL,
    reasons_json TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    decided_at INTEGER NULL,
    decided_by TEXT NULL,
    CONSTRAINT pk_identity_reviews PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_identity_reviews_tenant_id_status_created_at ON identity_reviews (tenant_id, status, created_at);
CREATE UNIQUE INDEX ix_identity_reviews_tenant_id_contact_id_candidate_id ON identity_reviews (tenant_id, contact_id, candidate_id);

CREATE TABLE contact_merges (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    survivor_id TEXT NOT NULL,
    merged_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    snapshot_json TEXT NOT NULL,
    merged_at INTEGER NOT NULL,
    merged_by TEXT NOT NULL,
    undone_at INTEGER NULL,
    CONSTRAINT pk_contact_merges PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_contact_merges_tenant_id_merged_at ON contact_merges (tenant_id, merged_at);

CREATE TABLE erasures (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    contact_id TEXT NOT NULL,
    erased_at INTEGER NOT NULL,
    erased_by TEXT NOT NULL,
    rows_json TEXT NOT NULL,
    CONSTRAINT pk_erasures PRIMARY KEY (tenant_id, id)
);

CREATE TABLE contact_imports (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    content BLOB NULL,
    mapping_json TEXT NOT NULL,
    options_json TEXT NOT NULL,
    status TEXT NOT NULL,
    total_rows INTEGER NOT NULL,
    processed_rows INTEGER NOT NULL,
    created INTEGER NOT NULL,
    updated INTEGER NOT NULL,
    unchanged INTEGER NOT NULL,
    failed INTEGER NOT NULL,
    job_id TEXT NULL,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    started_at INTEGER NULL,
    finished_at INTEGER NULL,
    error TEXT NULL,
    CONSTRAINT pk_contact_imports PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_contact_imports_tenant_id_created_at ON contact_imports (tenant_id, created_at);

CREATE TABLE import_row_errors (
    tenant_id TEXT NOT NULL,
    import_id TEXT NOT NULL,
    row INTEGER NOT NULL,
    field TEXT NOT NULL,
    value TEXT NULL,
    error TEXT NOT NULL,
    CONSTRAINT pk_import_row_errors PRIMARY KEY (tenant_id, import_id, row, field)
);
