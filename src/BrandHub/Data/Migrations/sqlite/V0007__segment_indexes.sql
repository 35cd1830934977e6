-- Segment criteria over events ("did purchase at least twice in the last 90 days", "did not log in in 30 days") read
-- one event name over a recent time window: with the time before the contact, that is one index range per name (and
-- the contact ids come from the index itself), not every event of that name ever recorded.
CREATE INDEX ix_contact_events_tenant_id_name_occurred_at_contact_id ON contact_events (tenant_id, name, occurred_at, contact_id);
