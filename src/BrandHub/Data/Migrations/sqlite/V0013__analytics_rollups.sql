-- Analytics (SQLite; instants are Unix milliseconds, money INTEGER ten-thousandths; PRODUCT.md §9): spend per day × channel × campaign, the daily rollup the dashboard reads, and each tenant's
-- reporting settings with the rollup's progress (what it was built for, and up to when events were taken in).
CREATE TABLE marketing_costs (
    tenant_id TEXT NOT NULL,
    day INTEGER NOT NULL,
    channel TEXT NOT NULL,
    campaign TEXT NOT NULL,
    amount INTEGER NOT NULL,
    currency TEXT NOT NULL,
    source TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    updated_by TEXT NOT NULL,
    CONSTRAINT pk_marketing_costs PRIMARY KEY (tenant_id, day, channel, campaign)
);

CREATE TABLE analytics_daily (
    tenant_id TEXT NOT NULL,
    day INTEGER NOT NULL,
    channel TEXT NOT NULL,
    campaign TEXT NOT NULL,
    sessions INTEGER NOT NULL,
    conversions INTEGER NOT NULL,
    revenue INTEGER NOT NULL,
    new_customers INTEGER NOT NULL,
    CONSTRAINT pk_analytics_daily PRIMARY KEY (tenant_id, day, channel, campaign)
);

CREATE TABLE analytics_settings (
    tenant_id TEXT NOT NULL CONSTRAINT pk_analytics_settings PRIMARY KEY,
    model TEXT NOT NULL,
    lookback_days INTEGER NOT NULL,
    currency TEXT NOT NULL,
    rollup_built_for TEXT NULL,
    rollup_watermark INTEGER NULL,
    rolled_up_at INTEGER NULL,
    updated_at INTEGER NOT NULL,
    updated_by TEXT NOT NULL
);
-- What the rollup job scans for new events and identities since its watermark.
CREATE INDEX ix_track_events_received ON track_events (tenant_id, received_at);
CREATE INDEX ix_visitor_identities_identified ON visitor_identities (tenant_id, identified_at);
CREATE INDEX ix_track_events_order ON track_events (tenant_id, order_id) WHERE order_id IS NOT NULL;
