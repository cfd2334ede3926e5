"""A real SMTP server for the tests (aiosmtpd, from Debian's python3-aiosmtpd) that writes every message it
accepts to a file: NNNN.eml (the message exactly as received) and NNNN.json (envelope sender, recipients and
the login used). Files under <dir>/control/ make it misbehave once: rcpt-reply or data-reply holds an SMTP reply
("550 5.1.1 No such user") answered instead of accepting, or the word "hang" to never answer. It prints
"READY" when it listens and stops when its standard input closes (so it never outlives the test run)."""

import argparse
import asyncio
import json
import os
import ssl
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


class FileHandler:
    def __init__(self, directory):
        self.directory = directory
        self.control = os.path.join(directory, "control")
        os.makedirs(self.control, exist_ok=True)
        self.count = 0

    def _override(self, name):
        path = os.path.join(self.control, name)
        try:
            with open(path, encoding="utf-8") as f:
                reply = f.read().strip()
            os.remove(path)
            return reply
        except FileNotFoundError:
            return None

    async def _act(self, name):
        reply = self._override(name)
        if reply == "hang":
            await asyncio.sleep(3600)
        return reply

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        reply = await self._act("rcpt-reply")
        if reply:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        reply = await self._act("data-reply")
        if reply:
            return reply
        self.count += 1
        stem = os.path.join(self.directory, "%04d" % self.count)
        tls = session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None
        meta = {"mailFrom": envelope.mail_from, "rcptTos": envelope.rcpt_tos, "login": session.auth_data, "tls": tls}
        with open(stem + ".json", "w", encoding="utf-8") as f:
            json.dump(meta, f)
        with open(stem + ".eml.tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.replace(stem + ".eml.tmp", stem + ".eml")
        return "250 Message accepted for delivery"


class Authenticator:
    def __init__(self, user, password):
        self.user = user
        self.password = password

    def __call__(self, server, session, envelope, mechanism, auth_data):
        login = auth_data.login.decode() if isinstance(auth_data.login, bytes) else auth_data.login
        password = auth_data.password.decode() if isinstance(auth_data.password, bytes) else auth_data.password
        ok = login == self.user and password == self.password
        return AuthResult(success=ok, handled=False, auth_data=login if ok else None)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--tls", choices=["none", "starttls", "implicit"], default="none")
    args = parser.parse_args()

    options = {}
    if args.tls != "none":
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)
        if args.tls == "starttls":
            options.update(tls_context=context, require_starttls=True)
        else:
            options.update(ssl_context=context)
    if args.user:
        options.update(authenticator=Authenticator(args.user, args.password), auth_required=True, auth_require_tls=args.tls != "none")

    controller = Controller(FileHandler(args.dir), hostname="127.0.0.1", port=args.port, server_hostname="localhost", **options)
    controller.start()
    print("READY", flush=True)
    sys.stdin.read()
    controller.stop()


if __name__ == "__main__":
    main()
