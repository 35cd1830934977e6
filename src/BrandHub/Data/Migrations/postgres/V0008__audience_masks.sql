-- Audience masks: each contact carries which channels it has opted in to (consent_mask) and which it can be reached on
-- (reach_mask: opted in, an address for the channel, not globally unsubscribed, the address not suppressed). Bits: email 1,
-- sms 2, whatsapp 4, push 8, profiling 16 (consent only). Segment previews and campaign readiness count reach over hundreds
-- of thousands of contacts; reading it from the contact row is one scan, where joining consents and suppressions per
-- preview cost more than the criteria themselves (docs/BENCHMARKS.md, segment-preview). Database triggers keep the masks
-- right whoever writes — API, imports, merges, the preference centre — so no writer can forget them.
ALTER TABLE contacts ADD COLUMN consent_mask integer NOT NULL DEFAULT 0;
ALTER TABLE contacts ADD COLUMN reach_mask integer NOT NULL DEFAULT 0;

-- plpgsql, not sql: its plan is prepared once per session (a sql function is planned again on every call, ~1 ms).
-- enable_seqscan off for its own statements only: a plan prepared while contacts had no statistics (a fresh load) would
-- otherwise scan every contact per refresh.
CREATE FUNCTION contact_masks_refresh(t uuid, cid uuid) RETURNS void LANGUAGE plpgsql SET enable_seqscan = off AS $$
BEGIN
    UPDATE contacts c SET consent_mask = (SELECT COALESCE(SUM(CASE k.channel WHEN 'email' THEN 1 WHEN 'sms' THEN 2 WHEN 'whatsapp' THEN 4 WHEN 'push' THEN 8 WHEN 'profiling' THEN 16 ELSE 0 END), 0)
        FROM contact_consents k WHERE k.tenant_id = c.tenant_id AND k.contact_id = c.id AND k.status = 'opted_in'),
        reach_mask = (CASE WHEN c.global_unsubscribe_at IS NOT NULL THEN 0 ELSE
          (CASE WHEN c.email IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = c.tenant_id AND k.contact_id = c.id AND k.channel = 'email' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = c.tenant_id AND s.channel = 'email' AND s.address = c.email) THEN 1 ELSE 0 END)
        + (CASE WHEN c.phone IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = c.tenant_id AND k.contact_id = c.id AND k.channel = 'sms' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = c.tenant_id AND s.channel = 'sms' AND s.address = c.phone) THEN 2 ELSE 0 END)
        + (CASE WHEN c.phone IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = c.tenant_id AND k.contact_id = c.id AND k.channel = 'whatsapp' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = c.tenant_id AND s.channel = 'whatsapp' AND s.address = c.phone) THEN 4 ELSE 0 END)
        + (CASE WHEN EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = c.tenant_id AND k.contact_id = c.id AND k.channel = 'push' AND k.status = 'opted_in') THEN 8 ELSE 0 END) END)
    WHERE c.tenant_id = t AND c.id = cid;
END $$;

-- Statement-level triggers over transition tables, refreshing each changed contact by its primary key: a bulk insert
-- (an import, a merge) costs one indexed update per contact, and no plan depends on statistics the freshly loaded
-- tables may not have yet (a set-wise join here was planned as a nested loop over an unanalysed table: quadratic).
CREATE FUNCTION contact_consents_masks_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
    FOR r IN SELECT DISTINCT n.tenant_id, n.contact_id FROM new_rows n LOOP PERFORM contact_masks_refresh(r.tenant_id, r.contact_id); END LOOP;
    RETURN NULL;
END $$;
CREATE TRIGGER contact_consents_masks_insert AFTER INSERT ON contact_consents REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION contact_consents_masks_insert();
CREATE FUNCTION contact_consents_masks_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
    FOR r IN SELECT o.tenant_id, o.contact_id FROM old_rows o UNION SELECT n.tenant_id, n.contact_id FROM new_rows n LOOP PERFORM contact_masks_refresh(r.tenant_id, r.contact_id); END LOOP;
    RETURN NULL;
END $$;
CREATE TRIGGER contact_consents_masks_update AFTER UPDATE ON contact_consents REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION contact_consents_masks_update();
CREATE FUNCTION contact_consents_masks_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
    FOR r IN SELECT DISTINCT o.tenant_id, o.contact_id FROM old_rows o LOOP PERFORM contact_masks_refresh(r.tenant_id, r.contact_id); END LOOP;
    RETURN NULL;
END $$;
CREATE TRIGGER contact_consents_masks_delete AFTER DELETE ON contact_consents REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION contact_consents_masks_delete();
CREATE FUNCTION suppressions_masks_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
    FOR r IN SELECT DISTINCT n.tenant_id, n.address FROM new_rows n LOOP PERFORM contact_masks_refresh(c.tenant_id, c.id) FROM contacts c WHERE c.tenant_id = r.tenant_id AND c.email = r.address; PERFORM contact_masks_refresh(c.tenant_id, c.id) FROM contacts c WHERE c.tenant_id = r.tenant_id AND c.phone = r.address; END LOOP;
    RETURN NULL;
END $$;
CREATE TRIGGER suppressions_masks_insert AFTER INSERT ON suppressions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION suppressions_masks_insert();
CREATE FUNCTION suppressions_masks_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
    FOR r IN SELECT o.tenant_id, o.address FROM old_rows o UNION SELECT n.tenant_id, n.address FROM new_rows n LOOP PERFORM contact_masks_refresh(c.tenant_id, c.id) FROM contacts c WHERE c.tenant_id = r.tenant_id AND c.email = r.address; PERFORM contact_masks_refresh(c.tenant_id, c.id) FROM contacts c WHERE c.tenant_id = r.tenant_id AND c.phone = r.address; END LOOP;
    RETURN NULL;
END $$;
CREATE TRIGGER suppressions_masks_update AFTER UPDATE ON suppressions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION suppressions_masks_update();
CREATE FUNCTION suppressions_masks_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
    FOR r IN SELECT DISTINCT o.tenant_id, o.address FROM old_rows o LOOP PERFORM contact_masks_refresh(c.tenant_id, c.id) FROM contacts c WHERE c.tenant_id = r.tenant_id AND c.email = r.address; PERFORM contact_masks_refresh(c.tenant_id, c.id) FROM contacts c WHERE c.tenant_id = r.tenant_id AND c.phone = r.address; END LOOP;
    RETURN NULL;
END $$;
CREATE TRIGGER suppressions_masks_delete AFTER DELETE ON suppressions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION suppressions_masks_delete();

-- A contact's own address or unsubscribe changing: recompute its reach in place, before the row is written.
CREATE FUNCTION contacts_reach_mask() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.reach_mask := (CASE WHEN NEW.global_unsubscribe_at IS NOT NULL THEN 0 ELSE
          (CASE WHEN NEW.email IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = NEW.tenant_id AND k.contact_id = NEW.id AND k.channel = 'email' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = NEW.tenant_id AND s.channel = 'email' AND s.address = NEW.email) THEN 1 ELSE 0 END)
        + (CASE WHEN NEW.phone IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = NEW.tenant_id AND k.contact_id = NEW.id AND k.channel = 'sms' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = NEW.tenant_id AND s.channel = 'sms' AND s.address = NEW.phone) THEN 2 ELSE 0 END)
        + (CASE WHEN NEW.phone IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = NEW.tenant_id AND k.contact_id = NEW.id AND k.channel = 'whatsapp' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = NEW.tenant_id AND s.channel = 'whatsapp' AND s.address = NEW.phone) THEN 4 ELSE 0 END)
        + (CASE WHEN EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = NEW.tenant_id AND k.contact_id = NEW.id AND k.channel = 'push' AND k.status = 'opted_in') THEN 8 ELSE 0 END) END);
    RETURN NEW;
END $$;
CREATE TRIGGER contacts_reach_mask BEFORE UPDATE OF email, phone, global_unsubscribe_at ON contacts FOR EACH ROW
    WHEN (OLD.email IS DISTINCT FROM NEW.email OR OLD.phone IS DISTINCT FROM NEW.phone OR OLD.global_unsubscribe_at IS DISTINCT FROM NEW.global_unsubscribe_at)
    EXECUTE FUNCTION contacts_reach_mask();

-- Existing contacts, set-wise (the triggers only watch changes from now on).
UPDATE contacts SET consent_mask = k.mask
FROM (SELECT tenant_id, contact_id, SUM(CASE channel WHEN 'email' THEN 1 WHEN 'sms' THEN 2 WHEN 'whatsapp' THEN 4 WHEN 'push' THEN 8 WHEN 'profiling' THEN 16 ELSE 0 END) AS mask
      FROM contact_consents WHERE status = 'opted_in' GROUP BY tenant_id, contact_id) k
WHERE contacts.tenant_id = k.tenant_id AND contacts.id = k.contact_id;
UPDATE contacts SET reach_mask = (CASE WHEN global_unsubscribe_at IS NOT NULL THEN 0 ELSE
      (CASE WHEN email IS NOT NULL AND (consent_mask & 1) <> 0 AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = contacts.tenant_id AND s.channel = 'email' AND s.address = contacts.email) THEN 1 ELSE 0 END)
    + (CASE WHEN phone IS NOT NULL AND (consent_mask & 2) <> 0 AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = contacts.tenant_id AND s.channel = 'sms' AND s.address = contacts.phone) THEN 2 ELSE 0 END)
    + (CASE WHEN phone IS NOT NULL AND (consent_mask & 4) <> 0 AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = contacts.tenant_id AND s.channel = 'whatsapp' AND s.address = contacts.phone) THEN 4 ELSE 0 END)
    + (CASE WHEN (consent_mask & 8) <> 0 THEN 8 ELSE 0 END) END)
WHERE consent_mask <> 0;
