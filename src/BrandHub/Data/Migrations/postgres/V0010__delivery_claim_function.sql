-- The dispatcher's claim as one function whose plan does not depend on statistics. Right after a launch queues 100k
-- deliveries the table has no statistics yet (autovacuum analyses it a minute later), and the planner estimated a few
-- hundred queued rows: it read the whole table, sorted it (spilling to disk) and only then took the first batch —
-- 100 ms per claim. The claim always wants the oldest due rows, which the partial index ix_deliveries_due holds in
-- order: with scans other than that index priced out, each claim walks it and stops at the batch size. A plain index
-- scan also marks the entries of rows already claimed as dead, so the next claim skips them.
CREATE FUNCTION claim_deliveries(p_worker text, p_now timestamptz, p_lease_until timestamptz, p_max integer)
RETURNS SETOF deliveries
LANGUAGE sql VOLATILE
SET enable_seqscan = off
SET enable_bitmapscan = off
SET enable_sort = off
AS $$
    WITH due AS (
        SELECT tenant_id, id FROM deliveries
        WHERE status = 'queued' AND run_at <= p_now
        ORDER BY run_at LIMIT p_max
        FOR UPDATE SKIP LOCKED)
    UPDATE deliveries AS d SET status = 'sending', lease_owner = p_worker, lease_expires_at = p_lease_until,
        attempts = d.attempts + 1, updated_at = p_now
    FROM due WHERE d.tenant_id = due.tenant_id AND d.id = due.id
    RETURNING d.*
$$;

-- Every claim and every outcome writes a new version of the delivery row, and PostgreSQL adds it to each index whose
-- condition it meets (an indexed column changes with the status, so the update is never HOT). Fewer index entries per
-- update, same queries served:
-- * campaign reporting and pause/cancel filter by campaign and read the row anyway: one partial index over campaign
--   deliveries replaces two, and transactional messages (no campaign) enter neither;
-- * provider message ids are looked up only by value: rows without one (queued, sending) stay out of the index.
DROP INDEX ix_deliveries_tenant_id_campaign_id_status;
DROP INDEX ix_deliveries_tenant_id_campaign_id_step_id_variant_id;
CREATE INDEX ix_deliveries_campaign ON deliveries (tenant_id, campaign_id, step_id, variant_id) WHERE campaign_id IS NOT NULL;
DROP INDEX ix_deliveries_tenant_id_provider_message_id;
CREATE INDEX ix_deliveries_provider_message_id ON deliveries (tenant_id, provider_message_id) WHERE provider_message_id IS NOT NULL;
