#!/usr/bin/env python3
"""The nats-py peer of `hodei-bench natsbus-publish`: publishes the prepared messages of a payload
file (same format as `nats-c-bench --payloads`) with js.publish_async, at most WINDOW unacked, and
awaits every ack.

usage: natspy_publish.py <payload-file> <url> [window=4000]
prints: RESULT impl=nats-py count=N seconds=T msgs_per_sec=R acked=A failed=F
"""
import asyncio
import struct
import sys
import time

import nats


def read_records(path):
    data = open(path, "rb").read()
    records, at = [], 0
    while at + 2 <= len(data):
        (n,) = struct.unpack_from("<H", data, at); at += 2
        subject = data[at:at + n].decode(); at += n
        (n,) = struct.unpack_from("<H", data, at); at += 2
        msg_id = data[at:at + n].decode(); at += n
        (n,) = struct.unpack_from("<I", data, at); at += 4
        records.append((subject, msg_id, data[at:at + n])); at += n
    return records


async def main():
    path, url = sys.argv[1], sys.argv[2]
    window = int(sys.argv[3]) if len(sys.argv) > 3 else 4000
    records = read_records(path)
    nc = await nats.connect(url)
    js = nc.jetstream(publish_async_max_pending=window)
    start = time.monotonic()
    futures = [await js.publish_async(subject, payload, headers={"Nats-Msg-Id": msg_id})
               for subject, msg_id, payload in records]
    results = await asyncio.gather(*futures, return_exceptions=True)
    seconds = time.monotonic() - start
    failed = sum(1 for r in results if isinstance(r, BaseException))
    print(f"RESULT impl=nats-py count={len(records)} seconds={seconds:.6f} "
          f"msgs_per_sec={len(records) / seconds:.0f} acked={len(records) - failed} failed={failed}")
    await nc.close()
    sys.exit(0 if failed == 0 else 1)


asyncio.run(main())
