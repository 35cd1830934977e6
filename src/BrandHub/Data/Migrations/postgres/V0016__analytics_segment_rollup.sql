-- Conversions and revenue per day by the segments the converting contact belonged to when the day was rolled up. A
-- contact in several segments counts in each, so segments do not add up to the total (channels do).
CREATE TABLE analytics_segment_daily (
    tenant_id uuid NOT NULL,
    day timestamptz NOT NULL,
    segment_id uuid NOT NULL,
    conversions numeric(18,4) NOT NULL,
    revenue numeric(18,4) NOT NULL,
    CONSTRAINT pk_analytics_segment_daily PRIMARY KEY (tenant_id, day, segment_id)
);
ALTER TABLE analytics_segment_daily ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics_segment_daily FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON analytics_segment_daily USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');
