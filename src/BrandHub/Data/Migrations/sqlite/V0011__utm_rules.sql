-- A tenant's UTM naming rules, as JSON: read and written whole, never queried inside.
CREATE TABLE utm_rule_sets (
    tenant_id TEXT NOT NULL CONSTRAINT pk_utm_rule_sets PRIMARY KEY,
    rules_json TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    updated_by TEXT NOT NULL
);
