-- Audience masks, same rules as PostgreSQL's V0009: consent changes set consent_mask only (from the changed row: a
-- contact has one consent row per channel, so the old row clears its channel's bit and an opted-in new row sets it; no
-- consent is read back), and one trigger on contacts derives reach_mask from consent_mask, the addresses, the
-- unsubscribe and the tenant's suppressions — the one definition of reach, whoever writes. V0008 recomputed both masks
-- from every consent of the contact on each change.
DROP TRIGGER contact_consents_masks_insert;
DROP TRIGGER contact_consents_masks_update;
DROP TRIGGER contact_consents_masks_delete;
DROP TRIGGER suppressions_masks_insert;
DROP TRIGGER suppressions_masks_update;
DROP TRIGGER suppressions_masks_delete;
DROP TRIGGER contacts_reach_mask;

CREATE TRIGGER contact_consents_masks_insert AFTER INSERT ON contact_consents WHEN NEW.status = 'opted_in' BEGIN
    UPDATE contacts SET consent_mask = consent_mask | (CASE NEW.channel WHEN 'email' THEN 1 WHEN 'sms' THEN 2 WHEN 'whatsapp' THEN 4 WHEN 'push' THEN 8 WHEN 'profiling' THEN 16 ELSE 0 END)
    WHERE tenant_id = NEW.tenant_id AND id = NEW.contact_id;
END;
CREATE TRIGGER contact_consents_masks_update AFTER UPDATE ON contact_consents BEGIN
    UPDATE contacts SET consent_mask = consent_mask & ~(CASE OLD.channel WHEN 'email' THEN 1 WHEN 'sms' THEN 2 WHEN 'whatsapp' THEN 4 WHEN 'push' THEN 8 WHEN 'profiling' THEN 16 ELSE 0 END)
    WHERE tenant_id = OLD.tenant_id AND id = OLD.contact_id;
    UPDATE contacts SET consent_mask = consent_mask | (CASE NEW.channel WHEN 'email' THEN 1 WHEN 'sms' THEN 2 WHEN 'whatsapp' THEN 4 WHEN 'push' THEN 8 WHEN 'profiling' THEN 16 ELSE 0 END)
    WHERE tenant_id = NEW.tenant_id AND id = NEW.contact_id AND NEW.status = 'opted_in';
END;
CREATE TRIGGER contact_consents_masks_delete AFTER DELETE ON contact_consents BEGIN
    UPDATE contacts SET consent_mask = consent_mask & ~(CASE OLD.channel WHEN 'email' THEN 1 WHEN 'sms' THEN 2 WHEN 'whatsapp' THEN 4 WHEN 'push' THEN 8 WHEN 'profiling' THEN 16 ELSE 0 END)
    WHERE tenant_id = OLD.tenant_id AND id = OLD.contact_id;
END;

-- Reach: opted in (the consent bit), an address for the channel, not globally unsubscribed, the address not suppressed.
-- Fires when anything reach depends on is written; the suppression triggers write reach_mask itself to ask for a
-- recompute (recursive triggers are off, so its own update does not fire it again).
CREATE TRIGGER contacts_reach_mask AFTER UPDATE OF email, phone, global_unsubscribe_at, consent_mask, reach_mask ON contacts
WHEN NEW.consent_mask <> 0 OR NEW.reach_mask <> 0 BEGIN
    UPDATE contacts SET reach_mask = (CASE WHEN global_unsubscribe_at IS NOT NULL THEN 0 ELSE
          (CASE WHEN consent_mask & 1 <> 0 AND email IS NOT NULL AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = contacts.tenant_id AND s.channel = 'email' AND s.address = contacts.email) THEN 1 ELSE 0 END)
        + (CASE WHEN consent_mask & 2 <> 0 AND phone IS NOT NULL AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = contacts.tenant_id AND s.channel = 'sms' AND s.address = contacts.phone) THEN 2 ELSE 0 END)
        + (CASE WHEN consent_mask & 4 <> 0 AND phone IS NOT NULL AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = contacts.tenant_id AND s.channel = 'whatsapp' AND s.address = contacts.phone) THEN 4 ELSE 0 END)
        + (consent_mask & 8) END)
    WHERE rowid = NEW.rowid;
END;

-- Suppressions: recompute the reach of every contact with the address (one index search each for email and phone).
CREATE TRIGGER suppressions_masks_insert AFTER INSERT ON suppressions BEGIN
    UPDATE contacts SET reach_mask = reach_mask WHERE tenant_id = NEW.tenant_id AND (email = NEW.address OR phone = NEW.address);
END;
CREATE TRIGGER suppressions_masks_update AFTER UPDATE ON suppressions BEGIN
    UPDATE contacts SET reach_mask = reach_mask WHERE tenant_id = OLD.tenant_id AND (email = OLD.address OR phone = OLD.address);
    UPDATE contacts SET reach_mask = reach_mask WHERE tenant_id = NEW.tenant_id AND (email = NEW.address OR phone = NEW.address);
END;
CREATE TRIGGER suppressions_masks_delete AFTER DELETE ON suppressions BEGIN
    UPDATE contacts SET reach_mask = reach_mask WHERE tenant_id = OLD.tenant_id AND (email = OLD.address OR phone = OLD.address);
END;
