#!/usr/bin/env python3
"""Verify a BrandHub audit export offline (Python 3 standard library only).

    python3 docs/tools/verify-audit-export.py audit.json [--head SEQUENCE:HASH]

Reads the file written by ``GET /api/v1/audit/export?format=json`` (or ``format=csv``), recomputes every payload
digest and every link hash with the exact encoding of ``src/BrandHub.Core/Audit/AuditChain.cs`` and checks that the
links form one unbroken chain per tenant, starting at sequence 1 from the genesis hash.

Prints ``OK <n> entries …`` and exits 0 when everything verifies; otherwise prints ``BROKEN at sequence <s>: <why>``
and exits 1 (2 for an unreadable file). A chain proves that nothing inside it was changed, removed or reordered; it
cannot prove that the newest entries were not cut off. Keep the head (last sequence and hash, printed on success)
somewhere independent and pass it back with ``--head`` to check that too.

Encoding (AuditChain.cs): every hash is the lowercase hex SHA-256 of a list of string fields, each written as a
4-byte big-endian signed length followed by its UTF-8 bytes; a null field is length -1 with no bytes.
  payload digest: "brandhub.audit.payload.v1", beforeJson, afterJson
  link hash:      "brandhub.audit.link.v1", previousHash, sequence (decimal), tenantId (lowercase, hyphenated),
                  occurredAt (UTC, yyyy-MM-ddTHH:mm:ss.fffffffZ), actor, action, entityType, entityId, payloadDigest
An entry whose payload was erased (GDPR) is checked through its stored digest: the chain still covers it.
"""

import csv
import hashlib
import json
import re
import struct
import sys

GENESIS = "0" * 64
PAYLOAD_DOMAIN = "brandhub.audit.payload.v1"
LINK_DOMAIN = "brandhub.audit.link.v1"
HEX64 = re.compile(r"^[0-9a-f]{64}$")
INSTANT = re.compile(r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,7}))?(?:Z|\+00:00)$")
UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


class Broken(Exception):
    def __init__(self, sequence, reason):
        super().__init__(reason)
        self.sequence = sequence
        self.reason = reason


def sha256_fields(*fields):
    h = hashlib.sha256()
    for value in fields:
        if value is None:
            h.update(struct.pack(">i", -1))
        else:
            data = value.encode("utf-8")
            h.update(struct.pack(">i", len(data)))
            h.update(data)
    return h.hexdigest()


def payload_digest(before_json, after_json):
    return sha256_fields(PAYLOAD_DOMAIN, before_json, after_json)


def round_trip_instant(value, sequence):
    """The instant exactly as .NET's round-trip "o" format writes a UTC time: 7 fractional digits and Z."""
    m = INSTANT.match(value or "")
    if not m:
        raise Broken(sequence, f"occurredAt {value!r} is not a UTC ISO-8601 instant")
    return f"{m.group(1)}.{(m.group(2) or '').ljust(7, '0')}Z"


def link_hash(previous_hash, e):
    return sha256_fields(
        LINK_DOMAIN,
        previous_hash,
        str(e["sequence"]),
        e["tenantId"].lower(),
        round_trip_instant(e["occurredAt"], e["sequence"]),
        e["actor"],
        e["action"],
        e["entityType"],
        e["entityId"],
        e["payloadDigest"],
    )


def load(path):
    with open(path, "r", encoding="utf-8-sig", newline="") as f:
        text = f.read()
    if text.lstrip()[:1] in ("[", "{"):
        return json.loads(text)
    # CSV export: snake_case columns, empty payload cells are null.
    reader = csv.DictReader(text.splitlines(keepends=True))
    missing = {"sequence", "tenant_id", "occurred_at", "hash", "previous_hash", "payload_digest"} - set(reader.fieldnames or [])
    if missing:
        raise ValueError("not a BrandHub audit export (no columns " + ", ".join(sorted(missing)) + ")")
    rows = []
    for r in reader:
        rows.append({
            "sequence": r["sequence"], "tenantId": r["tenant_id"], "occurredAt": r["occurred_at"], "actor": r["actor"],
            "action": r["action"], "entityType": r["entity_type"], "entityId": r["entity_id"],
            "payloadDigest": r["payload_digest"], "previousHash": r["previous_hash"], "hash": r["hash"],
            "beforeJson": r.get("before_json") or None, "afterJson": r.get("after_json") or None,
            "payloadErased": (r.get("payload_erased") or "").lower() == "true",
        })
    return rows


def check_shape(e, index):
    sequence = e.get("sequence") if isinstance(e, dict) else None
    if not isinstance(e, dict):
        raise Broken(None, f"entry #{index + 1} is not an object")
    try:
        e["sequence"] = int(str(e.get("sequence")))
    except ValueError:
        raise Broken(None, f"entry #{index + 1} has no valid sequence") from None
    for field in ("tenantId", "occurredAt", "actor", "action", "entityType", "entityId", "payloadDigest", "previousHash", "hash"):
        if not isinstance(e.get(field), str):
            raise Broken(sequence, f"field {field} is missing or not a string")
    if not UUID.match(e["tenantId"]):
        raise Broken(sequence, f"tenantId {e['tenantId']!r} is not a UUID")
    for field in ("payloadDigest", "previousHash", "hash"):
        if not HEX64.match(e[field]):
            raise Broken(sequence, f"{field} is not 64 lowercase hex digits")
    for field in ("beforeJson", "afterJson"):
        if e.get(field) is not None and not isinstance(e[field], str):
            raise Broken(sequence, f"{field} must be a JSON string or null")


def verify_chain(entries):
    """One tenant's entries, any order. Returns (count, erased, last_sequence, last_hash)."""
    entries = sorted(entries, key=lambda x: x["sequence"])
    previous = GENESIS
    erased = 0
    for expected, e in enumerate(entries, start=1):
        seq = e["sequence"]
        if seq != expected:
            raise Broken(expected, f"sequence gap or repeat: expected {expected} but found {seq}")
        if e["previousHash"] != previous:
            raise Broken(seq, "previousHash does not match the hash of the entry before"
                         if seq > 1 else "sequence 1 does not start from the genesis hash")
        if link_hash(e["previousHash"], e) != e["hash"]:
            raise Broken(seq, "hash does not match the entry's content: the entry was altered")
        if e.get("payloadErased"):
            erased += 1
        elif payload_digest(e.get("beforeJson"), e.get("afterJson")) != e["payloadDigest"]:
            raise Broken(seq, "before/after payload does not match the digest the chain covers")
        previous = e["hash"]
    return len(entries), erased, (entries[-1]["sequence"] if entries else 0), previous


def main(argv):
    args = [a for a in argv[1:]]
    head = None
    if "--head" in args:
        i = args.index("--head")
        try:
            seq, _, h = args[i + 1].partition(":")
            head = (int(seq), h.lower())
        except (IndexError, ValueError):
            print("--head needs SEQUENCE:HASH", file=sys.stderr)
            return 2
        del args[i:i + 2]
    if len(args) != 1:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    try:
        entries = load(args[0])
    except (OSError, ValueError, KeyError) as e:
        print(f"Cannot read {args[0]}: {e}", file=sys.stderr)
        return 2
    if not isinstance(entries, list):
        print("The export must be a JSON array of entries.", file=sys.stderr)
        return 2

    try:
        tenants = {}
        for i, e in enumerate(entries):
            check_shape(e, i)
            tenants.setdefault(e["tenantId"].lower(), []).append(e)
        results = {tenant: verify_chain(chain) for tenant, chain in tenants.items()}
        if head is not None:
            if len(results) != 1:
                raise Broken(None, "--head needs an export of exactly one tenant")
            _, _, last_seq, last_hash = next(iter(results.values()))
            if (last_seq, last_hash) != head:
                raise Broken(min(last_seq, head[0]) + 1 if last_seq != head[0] else last_seq,
                             f"the chain ends at {last_seq}:{last_hash}, not at the expected head {head[0]}:{head[1]}")
    except Broken as b:
        where = f"sequence {b.sequence}" if b.sequence is not None else "the file"
        print(f"BROKEN at {where}: {b.reason}")
        return 1

    total = sum(r[0] for r in results.values())
    erased = sum(r[1] for r in results.values())
    heads = "; ".join(f"tenant {t} head {r[2]}:{r[3]}" for t, r in results.items())
    print(f"OK {total} entries verified ({erased} with erased payloads)" + (f"; {heads}" if heads else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
