-- Conversions and revenue per day by the segments the converting contact belonged to when the day was rolled up. A
-- contact in several segments counts in each, so segments do not add up to the total (channels do).
CREATE TABLE analytics_segment_daily (
    tenant_id TEXT NOT NULL,
    day INTEGER NOT NULL,
    segment_id TEXT NOT NULL,
    conversions INTEGER NOT NULL,
    revenue INTEGER NOT NULL,
    CONSTRAINT pk_analytics_segment_daily PRIMARY KEY (tenant_id, day, segment_id)
);
