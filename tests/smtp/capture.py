"""An SMTP server for the e-mail tests (aiosmtpd): prints every message it accepts as one
JSON line on standard output, and can refuse the first messages with a temporary error.

    python3 capture.py PORT [--fail-first N]
"""

import argparse
import asyncio
import json
import sys

from aiosmtpd.controller import Controller


class Capture:
    def __init__(self, fail_first):
        self.fail_first = fail_first

    async def handle_DATA(self, server, session, envelope):
        if self.fail_first > 0:
            self.fail_first -= 1
            print(json.dumps({"refused": envelope.rcpt_tos}), flush=True)
            return "451 4.3.0 Try again later"
        print(
            json.dumps(
                {
                    "from": envelope.mail_from,
                    "to": envelope.rcpt_tos,
                    "data": envelope.content.decode("utf-8", "replace"),
                }
            ),
            flush=True,
        )
        return "250 OK"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("--fail-first", type=int, default=0)
    args = parser.parse_args()
    controller = Controller(Capture(args.fail_first), hostname="127.0.0.1", port=args.port)
    controller.start()
    print(json.dumps({"listening": args.port}), flush=True)
    try:
        sys.stdin.read()  # Runs until the test closes our standard input (or kills us).
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
