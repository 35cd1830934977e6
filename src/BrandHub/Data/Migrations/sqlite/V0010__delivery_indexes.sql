-- Fewer index entries per delivery write (PostgreSQL's V0010 explains why; its claim function has no SQLite twin, as
-- SQLite's one writer claims with a plain UPDATE … RETURNING):
-- * campaign reporting and pause/cancel filter by campaign and read the row anyway: one partial index over campaign
--   deliveries replaces two, and transactional messages (no campaign) enter neither;
-- * provider message ids are looked up only by value: rows without one (queued, sending) stay out of the index.
DROP INDEX ix_deliveries_tenant_id_campaign_id_status;
DROP INDEX ix_deliveries_tenant_id_campaign_id_step_id_variant_id;
CREATE INDEX ix_deliveries_campaign ON deliveries (tenant_id, campaign_id, step_id, variant_id) WHERE campaign_id IS NOT NULL;
DROP INDEX ix_deliveries_tenant_id_provider_message_id;
CREATE INDEX ix_deliveries_provider_message_id ON deliveries (tenant_id, provider_message_id) WHERE provider_message_id IS NOT NULL;
