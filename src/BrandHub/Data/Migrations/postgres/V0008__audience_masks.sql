-- Audience masks: each contact carries which channels it has opted in to (consent_mask) and which it can be reached on
-- (reach_mask: opted in, an address for the channel, not globally unsubscribed, the address not suppressed). Bits: email 1,
-- sms 2, whatsapp 4, push 8, profiling 16 (consent only). Segment previews and campaign readiness count reach over hundreds
-- of thousands of contacts; reading it from the contact row is one scan, where joining consents and suppressions per
-- preview cost more than the criteria themselves (docs/BENCHMARKS.md, segment-preview). Database triggers keep the masks
-- right whoever writes — API, imports, merges, the preference centre — so no writer can forget them.
ALTER TABLE contacts ADD COLUMN consent_mask integer NOT NULL DEFAULT 0;
ALTER TABLE contacts ADD COLUMN reach_mask integer NOT NULL DEFAULT 0;

CREATE FUNCTION contact_masks_refresh(t uuid, cid uuid) RETURNS void LANGUAGE sql AS $$
    UPDATE contacts c SET consent_mask = (SELECT COALESCE(SUM(CASE k.channel WHEN 'email' THEN 1 WHEN 'sms' THEN 2 WHEN 'whatsapp' THEN 4 WHEN 'push' THEN 8 WHEN 'profiling' THEN 16 ELSE 0 END), 0)
        FROM contact_consents k WHERE k.tenant_id = c.tenant_id AND k.contact_id = c.id AND k.status = 'opted_in'),
        reach_mask = (CASE WHEN c.global_unsubscribe_at IS NOT NULL THEN 0 ELSE
          (CASE WHEN c.email IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = c.tenant_id AND k.contact_id = c.id AND k.channel = 'email' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = c.tenant_id AND s.channel = 'email' AND s.address = c.email) THEN 1 ELSE 0 END)
        + (CASE WHEN c.phone IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = c.tenant_id AND k.contact_id = c.id AND k.channel = 'sms' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = c.tenant_id AND s.channel = 'sms' AND s.address = c.phone) THEN 2 ELSE 0 END)
        + (CASE WHEN c.phone IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = c.tenant_id AND k.contact_id = c.id AND k.channel = 'whatsapp' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = c.tenant_id AND s.channel = 'whatsapp' AND s.address = c.phone) THEN 4 ELSE 0 END)
        + (CASE WHEN EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = c.tenant_id AND k.contact_id = c.id AND k.channel = 'push' AND k.status = 'opted_in') THEN 8 ELSE 0 END) END)
    WHERE c.tenant_id = t AND c.id = cid;
$$;

CREATE FUNCTION contact_consents_masks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM contact_masks_refresh(OLD.tenant_id, OLD.contact_id); END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM contact_masks_refresh(NEW.tenant_id, NEW.contact_id); END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER contact_consents_masks AFTER INSERT OR UPDATE OR DELETE ON contact_consents FOR EACH ROW EXECUTE FUNCTION contact_consents_masks();

CREATE FUNCTION suppressions_masks() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
    FOR r IN SELECT x.tenant_id, x.address FROM (SELECT OLD.tenant_id, OLD.address WHERE TG_OP IN ('UPDATE', 'DELETE')
                                                 UNION SELECT NEW.tenant_id, NEW.address WHERE TG_OP IN ('INSERT', 'UPDATE')) x(tenant_id, address) LOOP
        PERFORM contact_masks_refresh(c.tenant_id, c.id) FROM contacts c WHERE c.tenant_id = r.tenant_id AND c.email = r.address;
        PERFORM contact_masks_refresh(c.tenant_id, c.id) FROM contacts c WHERE c.tenant_id = r.tenant_id AND c.phone = r.address;
    END LOOP;
    RETURN NULL;
END $$;
CREATE TRIGGER suppressions_masks AFTER INSERT OR UPDATE OR DELETE ON suppressions FOR EACH ROW EXECUTE FUNCTION suppressions_masks();

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

UPDATE contacts c SET consent_mask = (SELECT COALESCE(SUM(CASE k.channel WHEN 'email' THEN 1 WHEN 'sms' THEN 2 WHEN 'whatsapp' THEN 4 WHEN 'push' THEN 8 WHEN 'profiling' THEN 16 ELSE 0 END), 0)
        FROM contact_consents k WHERE k.tenant_id = c.tenant_id AND k.contact_id = c.id AND k.status = 'opted_in'),
    reach_mask = (CASE WHEN c.global_unsubscribe_at IS NOT NULL THEN 0 ELSE
          (CASE WHEN c.email IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = c.tenant_id AND k.contact_id = c.id AND k.channel = 'email' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = c.tenant_id AND s.channel = 'email' AND s.address = c.email) THEN 1 ELSE 0 END)
        + (CASE WHEN c.phone IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = c.tenant_id AND k.contact_id = c.id AND k.channel = 'sms' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = c.tenant_id AND s.channel = 'sms' AND s.address = c.phone) THEN 2 ELSE 0 END)
        + (CASE WHEN c.phone IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = c.tenant_id AND k.contact_id = c.id AND k.channel = 'whatsapp' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = c.tenant_id AND s.channel = 'whatsapp' AND s.address = c.phone) THEN 4 ELSE 0 END)
        + (CASE WHEN EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = c.tenant_id AND k.contact_id = c.id AND k.channel = 'push' AND k.status = 'opted_in') THEN 8 ELSE 0 END) END);
