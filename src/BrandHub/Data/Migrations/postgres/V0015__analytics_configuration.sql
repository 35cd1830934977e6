-- What counts as a conversion for a tenant (event names, comma-separated), its own channel classification lists (JSON,
-- replacing the shipped ones list by list), and short tracked links made by the UTM link builder.
ALTER TABLE analytics_settings ADD COLUMN conversion_events text NOT NULL DEFAULT 'purchase,lead,signup';
ALTER TABLE analytics_settings ADD COLUMN channel_rules_json jsonb NULL;

CREATE TABLE short_links (
    tenant_id uuid NOT NULL,
    code text NOT NULL,
    target text NOT NULL,
    clicks bigint NOT NULL,
    last_clicked_at timestamptz NULL,
    created_at timestamptz NOT NULL,
    created_by text NOT NULL,
    CONSTRAINT pk_short_links PRIMARY KEY (tenant_id, code)
);
-- Resolved by the code alone (it is in the public URL), so unique across tenants.
CREATE UNIQUE INDEX ux_short_links_code ON short_links (code);
ALTER TABLE short_links ENABLE ROW LEVEL SECURITY;
ALTER TABLE short_links FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON short_links USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
