-- A tenant's UTM naming rules (allowed sources and mediums, case, separator, required fields, campaign pattern), as JSON:
-- read and written whole, never queried inside.
CREATE TABLE utm_rule_sets (
    tenant_id uuid NOT NULL CONSTRAINT pk_utm_rule_sets PRIMARY KEY,
    rules_json text NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text NOT NULL
);
ALTER TABLE utm_rule_sets ENABLE ROW LEVEL SECURITY;
ALTER TABLE utm_rule_sets FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON utm_rule_sets USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
