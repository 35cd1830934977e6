-- Email channel (SQLite): per-tenant sender configuration and the provider webhook tokens already acted on.
-- Secrets (*_encrypted) hold AES-GCM ciphertext from SecretKeys, never plaintext.
CREATE TABLE email_sender_settings (
    tenant_id TEXT NOT NULL CONSTRAINT pk_email_sender_settings PRIMARY KEY,
    provider TEXT NOT NULL,
    from_email TEXT NOT NULL,
    from_name TEXT NULL,
    reply_to TEXT NULL,
    host TEXT NULL,
    port INTEGER NULL,
    security TEXT NULL,
    username TEXT NULL,
    password_encrypted TEXT NULL,
    base_url TEXT NULL,
    domain TEXT NULL,
    api_key_encrypted TEXT NULL,
    webhook_signing_key_encrypted TEXT NULL,
    max_connections INTEGER NOT NULL,
    messages_per_second REAL NOT NULL,
    dkim_domain TEXT NULL,
    dkim_selector TEXT NULL,
    dkim_private_key_encrypted TEXT NULL,
    dkim_public_key TEXT NULL,
    dkim_created_at INTEGER NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE email_webhook_tokens (
    tenant_id TEXT NOT NULL,
    token TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    CONSTRAINT pk_email_webhook_tokens PRIMARY KEY (tenant_id, token)
);
CREATE INDEX ix_email_webhook_tokens_tenant_id_received_at ON email_webhook_tokens (tenant_id, received_at);
