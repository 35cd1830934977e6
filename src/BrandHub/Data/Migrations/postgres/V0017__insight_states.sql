-- What a tenant did with an insight: dismissed it or marked it done, until when it stays out of the feed. Insights are
-- computed on read; the key names one (kind, channel, metric, day, link) so the choice holds while the insight recurs.
CREATE TABLE insight_states (
    tenant_id uuid NOT NULL,
    key text NOT NULL,
    state text NOT NULL,
    until timestamptz NOT NULL,
    updated_by text NOT NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT pk_insight_states PRIMARY KEY (tenant_id, key)
);
ALTER TABLE insight_states ENABLE ROW LEVEL SECURITY;
ALTER TABLE insight_states FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON insight_states USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
