-- The industry a tenant's results are rated against, and its own benchmark thresholds where it changed the shipped ones
-- (JSON: channel → metric → {average, good, excellent}), read and written whole.
ALTER TABLE analytics_settings ADD COLUMN industry text NOT NULL DEFAULT 'ecommerce';
ALTER TABLE analytics_settings ADD COLUMN benchmarks_json jsonb NULL;
