"""Sequential JetStream API round trips from nats-py, per request kind (evidence for docs/benchmarks.md,
provision section): what one request of the provision peer script costs, server time included.

usage: python3 natspy_jsapi_rtt.py nats://127.0.0.1:4222 [streams]   (an empty JetStream account;
creates streams S000.. with 2 consumers each and leaves them)
"""
import asyncio, sys, time
import nats
from nats.js.api import StreamConfig, ConsumerConfig, AckPolicy
from nats.js.errors import NotFoundError


async def main(url, n):
    nc = await nats.connect(url)
    js = nc.jetstream()

    async def timed(label, calls):
        start = time.perf_counter()
        for call in calls:
            await call()
        elapsed = time.perf_counter() - start
        print("%-36s %5d req  %7.1f us/req" % (label, len(calls), elapsed / len(calls) * 1e6))

    async def info_miss(i):
        try:
            await js.stream_info("S%03d" % i)
        except NotFoundError:
            pass

    await timed("$JS.API.INFO (raw request)", [lambda: nc.request("$JS.API.INFO", b"", timeout=5)] * n)
    await timed("stream_info, missing", [lambda i=i: info_miss(i) for i in range(n)])
    await timed("add_stream (file)", [lambda i=i: js.add_stream(StreamConfig(name="S%03d" % i, subjects=["s%d.>" % i]))
                                      for i in range(n)])
    await timed("add_consumer", [lambda i=i, c=c: js.add_consumer("S%03d" % i, ConsumerConfig(
        durable_name="c%d" % c, filter_subject="s%d.c%d.>" % (i, c), ack_policy=AckPolicy.EXPLICIT))
        for i in range(n) for c in range(2)])
    await timed("stream_info, existing", [lambda i=i: js.stream_info("S%03d" % i) for i in range(n)])
    await timed("consumer_info, existing", [lambda i=i, c=c: js.consumer_info("S%03d" % i, "c%d" % c)
                                            for i in range(n) for c in range(2)])
    await timed("CONSUMER.LIST (raw, 2 consumers)", [lambda i=i: nc.request("$JS.API.CONSUMER.LIST.S%03d" % i, b'{"offset":0}', timeout=5)
                                                     for i in range(n)])
    start = time.perf_counter()
    reply = await nc.request("$JS.API.STREAM.LIST", b'{"offset":0}', timeout=5)
    print("%-36s %5d req  %7.1f us/req (%d bytes)" % ("STREAM.LIST (raw, %d streams)" % n, 1,
                                                      (time.perf_counter() - start) * 1e6, len(reply.data)))
    await nc.close()


asyncio.run(main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 200))
