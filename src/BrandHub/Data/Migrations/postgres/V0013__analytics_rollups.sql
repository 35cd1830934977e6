-- Analytics (PRODUCT.md §9): spend per day × channel × campaign, the daily rollup the dashboard reads, and each tenant's
-- reporting settings with the rollup's progress (what it was built for, and up to when events were taken in).
CREATE TABLE marketing_costs (
    tenant_id uuid NOT NULL,
    day timestamptz NOT NULL,
    channel text NOT NULL,
    campaign text NOT NULL,
    amount numeric(18,4) NOT NULL,
    currency text NOT NULL,
    source text NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text NOT NULL,
    CONSTRAINT pk_marketing_costs PRIMARY KEY (tenant_id, day, channel, campaign)
);

CREATE TABLE analytics_daily (
    tenant_id uuid NOT NULL,
    day timestamptz NOT NULL,
    channel text NOT NULL,
    campaign text NOT NULL,
    sessions bigint NOT NULL,
    conversions numeric(18,4) NOT NULL,
    revenue numeric(18,4) NOT NULL,
    new_customers numeric(18,4) NOT NULL,
    CONSTRAINT pk_analytics_daily PRIMARY KEY (tenant_id, day, channel, campaign)
);

CREATE TABLE analytics_settings (
    tenant_id uuid NOT NULL CONSTRAINT pk_analytics_settings PRIMARY KEY,
    model text NOT NULL,
    lookback_days integer NOT NULL,
    currency text NOT NULL,
    rollup_built_for text NULL,
    rollup_watermark timestamptz NULL,
    rolled_up_at timestamptz NULL,
    updated_at timestamptz NOT NULL,
    updated_by text NOT NULL
);
-- What the rollup job scans for new events and identities since its watermark.
CREATE INDEX ix_track_events_received ON track_events (tenant_id, received_at);
CREATE INDEX ix_visitor_identities_identified ON visitor_identities (tenant_id, identified_at);
CREATE INDEX ix_track_events_order ON track_events (tenant_id, order_id) WHERE order_id IS NOT NULL;

ALTER TABLE marketing_costs ENABLE ROW LEVEL SECURITY;
ALTER TABLE marketing_costs FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON marketing_costs USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
ALTER TABLE analytics_daily ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics_daily FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON analytics_daily USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
ALTER TABLE analytics_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON analytics_settings USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
