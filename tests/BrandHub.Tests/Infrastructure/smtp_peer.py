"""An independent SMTP server for BrandHub's tests, built on Debian's aiosmtpd (run it with /usr/bin/python3).

It records every connection, command and message as JSON lines in --log, and misbehaves on request. Control
commands arrive as JSON lines on stdin and are answered with "ok" on stdout; EOF on stdin stops the server.
The C# side is tests/BrandHub.Tests/Infrastructure/SmtpPeer.cs.
"""
import argparse, asyncio, base64, itertools, json, ssl, sys, threading

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--log", required=True)
parser.add_argument("--run", default="r1", help="prefix of connection ids, so restarts keep them unique")
parser.add_argument("--no-pipelining", action="store_true")
parser.add_argument("--smtputf8", action="store_true")
parser.add_argument("--cert")
parser.add_argument("--key")
parser.add_argument("--implicit-tls", action="store_true")
parser.add_argument("--username")
parser.add_argument("--password")
args = parser.parse_args()

log_file = open(args.log, "a", encoding="utf-8")
log_lock = threading.Lock()


def record(event, **fields):
    with log_lock:
        log_file.write(json.dumps({"event": event, **fields}) + "\n")
        log_file.flush()


class Faults:
    """What the peer has been told to do wrong; changed from the control thread, read on the event loop."""
    def __init__(self):
        self.lock = threading.Lock()
        self.fail_code, self.fail_count = 0, 0
        self.drop_count = 0
        self.rejected = {}

    def next_data_fault(self):
        with self.lock:
            if self.drop_count > 0:
                self.drop_count -= 1
                return "drop"
            if self.fail_count > 0:
                self.fail_count -= 1
                return self.fail_code
            return None


faults = Faults()
connection_ids = itertools.count(1)


class Handler:
    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        if not args.no_pipelining:
            responses.insert(-1, "250-PIPELINING")
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        code = faults.rejected.get(address.lower())
        if code:
            return f"{code} {code // 100}.1.1 <{address}>: Recipient address rejected"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        fault = faults.next_data_fault()
        data = base64.b64encode(envelope.original_content).decode("ascii")
        if fault == "drop":
            record("dropped", conn=session.conn_id, mail_from=envelope.mail_from, rcpt_tos=envelope.rcpt_tos, data=data)
            server.transport.abort()
            raise ConnectionResetError("dropped on purpose by the test peer")
        if fault:
            record("refused", conn=session.conn_id, code=fault, rcpt_tos=envelope.rcpt_tos)
            if fault == 421:
                asyncio.get_running_loop().call_later(0.05, server.transport.close)
                return "421 4.3.2 Service shutting down, try again later"
            return f"{fault} {fault // 100}.3.0 Try again later" if fault < 500 else f"{fault} {fault // 100}.6.0 Message refused"
        record("message", conn=session.conn_id, mail_from=envelope.mail_from, rcpt_tos=envelope.rcpt_tos,
               mail_options=envelope.mail_options, data=data)
        return "250 2.0.0 OK queued"


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == args.username \
        and auth_data.password.decode() == args.password
    record("auth", conn=session.conn_id, mechanism=mechanism, success=ok)
    return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd answers 535 itself


class RecordingSMTP(SMTP):
    def connection_made(self, transport):
        super().connection_made(transport)
        if hasattr(self, "conn_id"):  # called again when STARTTLS completes: same connection, new session
            self.session.conn_id = self.conn_id
            return
        self.conn_id = self.session.conn_id = f"{args.run}-c{next(connection_ids)}"
        record("connect", conn=self.conn_id)
        # Wrap every command so it is recorded; "pipelined" says whether more client bytes were already waiting when
        # the command was read, which is what a pipelined MAIL FROM / RCPT TO / DATA group looks like on the wire.
        for verb, method in list(self._smtp_methods.items()):
            self._smtp_methods[verb] = self._recorded(verb, method)

    def _recorded(self, verb, method):
        async def run(arg):
            waiting = len(getattr(self._reader, "_buffer", b"")) > 0
            shown = "***" if verb == "AUTH" and arg else arg
            record("command", conn=self.session.conn_id, verb=verb, arg=shown, pipelined=waiting)
            return await method(arg)
        return run

    def connection_lost(self, error):
        record("disconnect", conn=getattr(self, "conn_id", None))
        super().connection_lost(error)


def tls_context():
    if not args.cert:
        return None
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(args.cert, args.key)
    return context


def control(loop, stop):
    """Reads control commands from stdin until EOF."""
    for line in sys.stdin:
        command = json.loads(line)
        with faults.lock:
            if "fail" in command:
                faults.fail_code, faults.fail_count = command["fail"]["code"], command["fail"]["count"]
            if "drop" in command:
                faults.drop_count = command["drop"]
            if "reject" in command:
                faults.rejected[command["reject"]["address"].lower()] = command["reject"]["code"]
            if command.get("reset"):
                faults.fail_count, faults.drop_count, faults.rejected = 0, 0, {}
        print("ok", flush=True)
    loop.call_soon_threadsafe(stop.set_result, None)


async def main():
    loop = asyncio.get_running_loop()
    context = tls_context()
    secure = context is not None

    def factory():
        return RecordingSMTP(
            Handler(), hostname="peer.test", enable_SMTPUTF8=args.smtputf8,
            tls_context=None if args.implicit_tls else context, require_starttls=secure and not args.implicit_tls,
            auth_required=bool(args.username), auth_require_tls=secure and not args.implicit_tls,
            authenticator=authenticate if args.username else None)

    server = await loop.create_server(factory, "127.0.0.1", args.port, ssl=context if args.implicit_tls else None,
                                      reuse_address=True)
    stop = loop.create_future()
    threading.Thread(target=control, args=(loop, stop), daemon=True).start()
    print(f"ready {args.port}", flush=True)
    await stop
    server.close()


asyncio.run(main())
