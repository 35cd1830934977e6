-- Email channel (PostgreSQL): per-tenant sender configuration and the provider webhook tokens already acted on.
-- Secrets (*_encrypted) hold AES-GCM ciphertext from SecretKeys, never plaintext.
CREATE TABLE email_sender_settings (
    tenant_id uuid NOT NULL CONSTRAINT pk_email_sender_settings PRIMARY KEY,
    provider text NOT NULL,
    from_email text NOT NULL,
    from_name text NULL,
    reply_to text NULL,
    host text NULL,
    port integer NULL,
    security text NULL,
    username text NULL,
    password_encrypted text NULL,
    base_url text NULL,
    domain text NULL,
    api_key_encrypted text NULL,
    webhook_signing_key_encrypted text NULL,
    max_connections integer NOT NULL,
    messages_per_second double precision NOT NULL,
    dkim_domain text NULL,
    dkim_selector text NULL,
    dkim_private_key_encrypted text NULL,
    dkim_public_key text NULL,
    dkim_created_at timestamptz NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE TABLE email_webhook_tokens (
    tenant_id uuid NOT NULL,
    token text NOT NULL,
    received_at timestamptz NOT NULL,
    CONSTRAINT pk_email_webhook_tokens PRIMARY KEY (tenant_id, token)
);
CREATE INDEX ix_email_webhook_tokens_tenant_id_received_at ON email_webhook_tokens (tenant_id, received_at);

-- Row-level security, as in V0001: the second wall behind the application's tenant filter.
ALTER TABLE email_sender_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE email_sender_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON email_sender_settings USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
ALTER TABLE email_webhook_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE email_webhook_tokens FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON email_webhook_tokens USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
