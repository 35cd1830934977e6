"""Parses a raw message the way a mail client would (Python's email package) and verifies its DKIM signature with
dkimpy, both independent of BrandHub's code. Usage: /usr/bin/python3 inspect_message.py MESSAGE_FILE [DKIM_TXT_RECORD]
Prints one JSON object."""
import email, email.policy, json, sys

raw = open(sys.argv[1], "rb").read()
message = email.message_from_bytes(raw, policy=email.policy.default)
result = {
    "headers": [[name, str(value)] for name, value in message.items()],
    "content_type": message.get_content_type(),
    "parts": [],
    "defects": [type(d).__name__ for d in message.defects],
    "dkim": None,
}
for part in message.walk():
    if part.is_multipart():
        continue
    content = part.get_content()
    result["parts"].append({
        "content_type": part.get_content_type(),
        "charset": part.get_content_charset(),
        "content_id": part.get("Content-ID"),
        "content": content if isinstance(content, str) else None,
        "size": len(content),
        "defects": [type(d).__name__ for d in part.defects],
    })
if len(sys.argv) > 2:
    import dkim
    record = sys.argv[2].encode()
    result["dkim"] = bool(dkim.verify(raw, dnsfunc=lambda name, timeout=5: record))
print(json.dumps(result))
