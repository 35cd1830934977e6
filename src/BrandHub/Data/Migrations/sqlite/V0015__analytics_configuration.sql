-- What counts as a conversion for a tenant (event names, comma-separated), its own channel classification lists (JSON,
-- replacing the shipped ones list by list), and short tracked links made by the UTM link builder.
ALTER TABLE analytics_settings ADD COLUMN conversion_events TEXT NOT NULL DEFAULT 'purchase,lead,signup';
ALTER TABLE analytics_settings ADD COLUMN channel_rules_json TEXT NULL;

CREATE TABLE short_links (
    tenant_id TEXT NOT NULL,
    code TEXT NOT NULL,
    target TEXT NOT NULL,
    clicks INTEGER NOT NULL,
    last_clicked_at INTEGER NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    CONSTRAINT pk_short_links PRIMARY KEY (tenant_id, code)
);
-- Resolved by the code alone (it is in the public URL), so unique across tenants.
CREATE UNIQUE INDEX ux_short_links_code ON short_links (code);
