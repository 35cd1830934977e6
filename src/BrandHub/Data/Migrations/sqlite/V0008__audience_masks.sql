-- Audience masks: each contact carries which channels it has opted in to (consent_mask) and which it can be reached on
-- (reach_mask: opted in, an address for the channel, not globally unsubscribed, the address not suppressed). Bits: email 1,
-- sms 2, whatsapp 4, push 8, profiling 16 (consent only). Segment previews and campaign readiness count reach over hundreds
-- of thousands of contacts; reading it from the contact row is one scan, where joining consents and suppressions per
-- preview cost more than the criteria themselves (docs/BENCHMARKS.md, segment-preview). Database triggers keep the masks
-- right whoever writes — API, imports, merges, the preference centre — so no writer can forget them.
ALTER TABLE contacts ADD COLUMN consent_mask INTEGER NOT NULL DEFAULT 0;
ALTER TABLE contacts ADD COLUMN reach_mask INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER contact_consents_masks_insert AFTER INSERT ON contact_consents BEGIN
    UPDATE contacts SET consent_mask = (SELECT COALESCE(SUM(CASE k.channel WHEN 'email' THEN 1 WHEN 'sms' THEN 2 WHEN 'whatsapp' THEN 4 WHEN 'push' THEN 8 WHEN 'profiling' THEN 16 ELSE 0 END), 0)
        FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.status = 'opted_in'),
        reach_mask = (CASE WHEN contacts.global_unsubscribe_at IS NOT NULL THEN 0 ELSE
          (CASE WHEN contacts.email IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.channel = 'email' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = contacts.tenant_id AND s.channel = 'email' AND s.address = contacts.email) THEN 1 ELSE 0 END)
        + (CASE WHEN contacts.phone IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.channel = 'sms' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = contacts.tenant_id AND s.channel = 'sms' AND s.address = contacts.phone) THEN 2 ELSE 0 END)
        + (CASE WHEN contacts.phone IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.channel = 'whatsapp' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = contacts.tenant_id AND s.channel = 'whatsapp' AND s.address = contacts.phone) THEN 4 ELSE 0 END)
        + (CASE WHEN EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.channel = 'push' AND k.status = 'opted_in') THEN 8 ELSE 0 END) END)
    WHERE tenant_id = NEW.tenant_id AND id = NEW.contact_id;
END;
CREATE TRIGGER contact_consents_masks_update AFTER UPDATE ON contact_consents BEGIN
    UPDATE contacts SET consent_mask = (SELECT COALESCE(SUM(CASE k.channel WHEN 'email' THEN 1 WHEN 'sms' THEN 2 WHEN 'whatsapp' THEN 4 WHEN 'push' THEN 8 WHEN 'profiling' THEN 16 ELSE 0 END), 0)
        FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.status = 'opted_in'),
        reach_mask = (CASE WHEN contacts.global_unsubscribe_at IS NOT NULL THEN 0 ELSE
          (CASE WHEN contacts.email IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.channel = 'email' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = contacts.tenant_id AND s.channel = 'email' AND s.address = contacts.email) THEN 1 ELSE 0 END)
        + (CASE WHEN contacts.phone IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.channel = 'sms' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = contacts.tenant_id AND s.channel = 'sms' AND s.address = contacts.phone) THEN 2 ELSE 0 END)
        + (CASE WHEN contacts.phone IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.channel = 'whatsapp' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = contacts.tenant_id AND s.channel = 'whatsapp' AND s.address = contacts.phone) THEN 4 ELSE 0 END)
        + (CASE WHEN EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.channel = 'push' AND k.status = 'opted_in') THEN 8 ELSE 0 END) END)
    WHERE tenant_id = OLD.tenant_id AND id = OLD.contact_id;
    UPDATE contacts SET consent_mask = (SELECT COALESCE(SUM(CASE k.channel WHEN 'email' THEN 1 WHEN 'sms' THEN 2 WHEN 'whatsapp' THEN 4 WHEN 'push' THEN 8 WHEN 'profiling' THEN 16 ELSE 0 END), 0)
        FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.status = 'opted_in'),
        reach_mask = (CASE WHEN contacts.global_unsubscribe_at IS NOT NULL THEN 0 ELSE
          (CASE WHEN contacts.email IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.channel = 'email' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = contacts.tenant_id AND s.channel = 'email' AND s.address = contacts.email) THEN 1 ELSE 0 END)
        + (CASE WHEN contacts.phone IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.channel = 'sms' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = contacts.tenant_id AND s.channel = 'sms' AND s.address = contacts.phone) THEN 2 ELSE 0 END)
        + (CASE WHEN contacts.phone IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.channel = 'whatsapp' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = contacts.tenant_id AND s.channel = 'whatsapp' AND s.address = contacts.phone) THEN 4 ELSE 0 END)
        + (CASE WHEN EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.channel = 'push' AND k.status = 'opted_in') THEN 8 ELSE 0 END) END)
    WHERE tenant_id = NEW.tenant_id AND id = NEW.contact_id;
END;
CREATE TRIGGER contact_consents_masks_delete AFTER DELETE ON contact_consents BEGIN
    UPDATE contacts SET consent_mask = (SELECT COALESCE(SUM(CASE k.channel WHEN 'email' THEN 1 WHEN 'sms' THEN 2 WHEN 'whatsapp' THEN 4 WHEN 'push' THEN 8 WHEN 'profiling' THEN 16 ELSE 0 END), 0)
        FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.status = 'opted_in'),
        reach_mask = (CASE WHEN contacts.global_unsubscribe_at IS NOT NULL THEN 0 ELSE
          (CASE WHEN contacts.email IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.channel = 'email' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = contacts.tenant_id AND s.channel = 'email' AND s.address = contacts.email) THEN 1 ELSE 0 END)
        + (CASE WHEN contacts.phone IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.channel = 'sms' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = contacts.tenant_id AND s.channel = 'sms' AND s.address = contacts.phone) THEN 2 ELSE 0 END)
        + (CASE WHEN contacts.phone IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.channel = 'whatsapp' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = contacts.tenant_id AND s.channel = 'whatsapp' AND s.address = contacts.phone) THEN 4 ELSE 0 END)
        + (CASE WHEN EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.channel = 'push' AND k.status = 'opted_in') THEN 8 ELSE 0 END) END)
    WHERE tenant_id = OLD.tenant_id AND id = OLD.contact_id;
END;
CREATE TRIGGER suppressions_masks_insert AFTER INSERT ON suppressions BEGIN
    UPDATE contacts SET consent_mask = (SELECT COALESCE(SUM(CASE k.channel WHEN 'email' THEN 1 WHEN 'sms' THEN 2 WHEN 'whatsapp' THEN 4 WHEN 'push' THEN 8 WHEN 'profiling' THEN 16 ELSE 0 END), 0)
        FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.status = 'opted_in'),
        reach_mask = (CASE WHEN contacts.global_unsubscribe_at IS NOT NULL THEN 0 ELSE
          (CASE WHEN contacts.email IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.channel = 'email' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = contacts.tenant_id AND s.channel = 'email' AND s.address = contacts.email) THEN 1 ELSE 0 END)
        + (CASE WHEN contacts.phone IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.channel = 'sms' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = contacts.tenant_id AND s.channel = 'sms' AND s.address = contacts.phone) THEN 2 ELSE 0 END)
        + (CASE WHEN contacts.phone IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.channel = 'whatsapp' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = contacts.tenant_id AND s.channel = 'whatsapp' AND s.address = contacts.phone) THEN 4 ELSE 0 END)
        + (CASE WHEN EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.channel = 'push' AND k.status = 'opted_in') THEN 8 ELSE 0 END) END)
    WHERE tenant_id = NEW.tenant_id AND (email = NEW.address OR phone = NEW.address);
END;
CREATE TRIGGER suppressions_masks_update AFTER UPDATE ON suppressions BEGIN
    UPDATE contacts SET consent_mask = (SELECT COALESCE(SUM(CASE k.channel WHEN 'email' THEN 1 WHEN 'sms' THEN 2 WHEN 'whatsapp' THEN 4 WHEN 'push' THEN 8 WHEN 'profiling' THEN 16 ELSE 0 END), 0)
        FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.status = 'opted_in'),
        reach_mask = (CASE WHEN contacts.global_unsubscribe_at IS NOT NULL THEN 0 ELSE
          (CASE WHEN contacts.email IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.channel = 'email' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = contacts.tenant_id AND s.channel = 'email' AND s.address = contacts.email) THEN 1 ELSE 0 END)
        + (CASE WHEN contacts.phone IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.channel = 'sms' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = contacts.tenant_id AND s.channel = 'sms' AND s.address = contacts.phone) THEN 2 ELSE 0 END)
        + (CASE WHEN contacts.phone IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.channel = 'whatsapp' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = contacts.tenant_id AND s.channel = 'whatsapp' AND s.address = contacts.phone) THEN 4 ELSE 0 END)
        + (CASE WHEN EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.channel = 'push' AND k.status = 'opted_in') THEN 8 ELSE 0 END) END)
    WHERE tenant_id = OLD.tenant_id AND (email = OLD.address OR phone = OLD.address);
    UPDATE contacts SET consent_mask = (SELECT COALESCE(SUM(CASE k.channel WHEN 'email' THEN 1 WHEN 'sms' THEN 2 WHEN 'whatsapp' THEN 4 WHEN 'push' THEN 8 WHEN 'profiling' THEN 16 ELSE 0 END), 0)
        FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.status = 'opted_in'),
        reach_mask = (CASE WHEN contacts.global_unsubscribe_at IS NOT NULL THEN 0 ELSE
          (CASE WHEN contacts.email IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.channel = 'email' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = contacts.tenant_id AND s.channel = 'email' AND s.address = contacts.email) THEN 1 ELSE 0 END)
        + (CASE WHEN contacts.phone IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.channel = 'sms' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = contacts.tenant_id AND s.channel = 'sms' AND s.address = contacts.phone) THEN 2 ELSE 0 END)
        + (CASE WHEN contacts.phone IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.channel = 'whatsapp' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = contacts.tenant_id AND s.channel = 'whatsapp' AND s.address = contacts.phone) THEN 4 ELSE 0 END)
        + (CASE WHEN EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.channel = 'push' AND k.status = 'opted_in') THEN 8 ELSE 0 END) END)
    WHERE tenant_id = NEW.tenant_id AND (email = NEW.address OR phone = NEW.address);
END;
CREATE TRIGGER suppressions_masks_delete AFTER DELETE ON suppressions BEGIN
    UPDATE contacts SET consent_mask = (SELECT COALESCE(SUM(CASE k.channel WHEN 'email' THEN 1 WHEN 'sms' THEN 2 WHEN 'whatsapp' THEN 4 WHEN 'push' THEN 8 WHEN 'profiling' THEN 16 ELSE 0 END), 0)
        FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.status = 'opted_in'),
        reach_mask = (CASE WHEN contacts.global_unsubscribe_at IS NOT NULL THEN 0 ELSE
          (CASE WHEN contacts.email IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.channel = 'email' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = contacts.tenant_id AND s.channel = 'email' AND s.address = contacts.email) THEN 1 ELSE 0 END)
        + (CASE WHEN contacts.phone IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.channel = 'sms' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = contacts.tenant_id AND s.channel = 'sms' AND s.address = contacts.phone) THEN 2 ELSE 0 END)
        + (CASE WHEN contacts.phone IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.channel = 'whatsapp' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = contacts.tenant_id AND s.channel = 'whatsapp' AND s.address = contacts.phone) THEN 4 ELSE 0 END)
        + (CASE WHEN EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.channel = 'push' AND k.status = 'opted_in') THEN 8 ELSE 0 END) END)
    WHERE tenant_id = OLD.tenant_id AND (email = OLD.address OR phone = OLD.address);
END;
-- A contact's own address or unsubscribe changing (the trigger only watches those columns, so its own update does not recurse).
CREATE TRIGGER contacts_reach_mask AFTER UPDATE OF email, phone, global_unsubscribe_at ON contacts BEGIN
    UPDATE contacts SET reach_mask = (CASE WHEN contacts.global_unsubscribe_at IS NOT NULL THEN 0 ELSE
          (CASE WHEN contacts.email IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.channel = 'email' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = contacts.tenant_id AND s.channel = 'email' AND s.address = contacts.email) THEN 1 ELSE 0 END)
        + (CASE WHEN contacts.phone IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.channel = 'sms' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = contacts.tenant_id AND s.channel = 'sms' AND s.address = contacts.phone) THEN 2 ELSE 0 END)
        + (CASE WHEN contacts.phone IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.channel = 'whatsapp' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = contacts.tenant_id AND s.channel = 'whatsapp' AND s.address = contacts.phone) THEN 4 ELSE 0 END)
        + (CASE WHEN EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = contacts.tenant_id AND k.contact_id = contacts.id AND k.channel = 'push' AND k.status = 'opted_in') THEN 8 ELSE 0 END) END)
    WHERE rowid = NEW.rowid;
END;

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
