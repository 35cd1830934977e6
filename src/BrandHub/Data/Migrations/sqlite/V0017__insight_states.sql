-- What a tenant did with an insight: dismissed it or marked it done, until when it stays out of the feed. Insights are
-- computed on read; the key names one (kind, channel, metric, day, link) so the choice holds while the insight recurs.
CREATE TABLE insight_states (
    tenant_id TEXT NOT NULL,
    key TEXT NOT NULL,
    state TEXT NOT NULL,
    until INTEGER NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    CONSTRAINT pk_insight_states PRIMARY KEY (tenant_id, key)
);
