import asyncio, json, os, socket, subprocess, sys, tempfile, shutil
import nats

def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p

async def req(nc, subj, body):
    m = await nc.request(subj, json.dumps(body).encode() if body is not None else b"", timeout=5)
    return json.loads(m.data)

async def run(binary, outdir):
    os.makedirs(outdir, exist_ok=True)
    port = free_port(); sd = tempfile.mkdtemp()
    p = subprocess.Popen([binary, "-js", "-a", "127.0.0.1", "-p", str(port), "-sd", sd], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                nc = await nats.connect(f"nats://127.0.0.1:{port}", connect_timeout=1, max_reconnect_attempts=0)
                break
            except Exception:
                await asyncio.sleep(0.1)
        out = {}
        out["account-info"] = await req(nc, "$JS.API.INFO", None)
        out["stream-create-minimal"] = await req(nc, "$JS.API.STREAM.CREATE.MINIMAL", {"name": "MINIMAL"})
        full = {"name": "HODEI_EVENTS", "subjects": ["hodei.events.b.>", "hodei.events.a.>"], "retention": "limits",
                "storage": "file", "max_msgs": 1000, "max_bytes": 1048576, "max_age": 3600000000000,
                "max_msg_size": 65536, "max_msgs_per_subject": 10, "max_consumers": 5, "discard": "new",
                "num_replicas": 1, "duplicate_window": 60000000000, "description": "events",
                "allow_rollup_hdrs": True, "deny_delete": True, "allow_direct": True,
                "metadata": {"hodei.managed-by": "hodei-provision", "hodei.profile": "dev"},
                "compression": "s2"}
        out["error-stream-create-unknown-field"] = await req(nc, "$JS.API.STREAM.CREATE.UNKNOWN", {"name": "UNKNOWN", "x_future_field": 7})
        out["stream-create-full"] = await req(nc, "$JS.API.STREAM.CREATE.HODEI_EVENTS", full)
        for i in range(3):
            await nc.publish("hodei.events.a.x", b"hi")
        await nc.flush()
        out["consumer-create-pull-minimal"] = await req(nc, "$JS.API.CONSUMER.CREATE.HODEI_EVENTS.workers", {"stream_name": "HODEI_EVENTS", "config": {"durable_name": "workers"}})
        out["consumer-create-pull-full"] = await req(nc, "$JS.API.CONSUMER.CREATE.HODEI_EVENTS.processors", {"stream_name": "HODEI_EVENTS", "config": {"durable_name": "processors", "name": "processors", "ack_policy": "explicit", "ack_wait": 10000000000, "max_deliver": 5, "filter_subject": "hodei.events.a.>", "max_ack_pending": 50, "backoff": [1000000000, 2000000000], "inactive_threshold": 0, "metadata": {"hodei.managed-by": "hodei-provision"}, "description": "job processors"}, "action": "create"})
        out["consumer-create-push"] = await req(nc, "$JS.API.CONSUMER.CREATE.HODEI_EVENTS.pusher", {"stream_name": "HODEI_EVENTS", "config": {"durable_name": "pusher", "deliver_subject": "deliver.pusher", "ack_policy": "explicit"}})
        out["stream-info"] = await req(nc, "$JS.API.STREAM.INFO.HODEI_EVENTS", None)
        out["consumer-info"] = await req(nc, "$JS.API.CONSUMER.INFO.HODEI_EVENTS.processors", None)
        out["stream-list"] = await req(nc, "$JS.API.STREAM.LIST", {"offset": 0})
        out["consumer-list"] = await req(nc, "$JS.API.CONSUMER.LIST.HODEI_EVENTS", {"offset": 0})
        out["error-stream-not-found"] = await req(nc, "$JS.API.STREAM.INFO.NOPE", None)
        out["error-update-storage"] = await req(nc, "$JS.API.STREAM.UPDATE.HODEI_EVENTS", dict(full, storage="memory"))
        out["error-update-retention-workqueue"] = await req(nc, "$JS.API.STREAM.UPDATE.HODEI_EVENTS", dict(full, retention="workqueue"))
        out["error-update-deny-delete-off"] = await req(nc, "$JS.API.STREAM.UPDATE.HODEI_EVENTS", dict(full, deny_delete=False))
        out["error-consumer-update-ack-policy"] = await req(nc, "$JS.API.CONSUMER.CREATE.HODEI_EVENTS.processors", {"stream_name": "HODEI_EVENTS", "config": {"durable_name": "processors", "ack_policy": "all"}})
        out["error-consumer-update-max-waiting"] = await req(nc, "$JS.API.CONSUMER.CREATE.HODEI_EVENTS.workers", {"stream_name": "HODEI_EVENTS", "config": {"durable_name": "workers", "max_waiting": 10}})
        out["error-stream-create-different"] = await req(nc, "$JS.API.STREAM.CREATE.MINIMAL", {"name": "MINIMAL", "max_msgs": 5})
        out["stream-create-same-again"] = await req(nc, "$JS.API.STREAM.CREATE.MINIMAL", {"name": "MINIMAL"})
        out["stream-update-ok-max-age"] = await req(nc, "$JS.API.STREAM.UPDATE.HODEI_EVENTS", dict(full, max_age=7200000000000))
        out["stream-create-shortage"] = await req(nc, "$JS.API.STREAM.CREATE.SHORT", {"name": "SHORT", "max_age": 30000000000})
        out["error-update-first-seq"] = await req(nc, "$JS.API.STREAM.UPDATE.HODEI_EVENTS", dict(full, first_seq=100))
        out["error-update-replicas-3"] = await req(nc, "$JS.API.STREAM.UPDATE.HODEI_EVENTS", dict(full, num_replicas=3))
        out["stream-update-compression-none"] = await req(nc, "$JS.API.STREAM.UPDATE.HODEI_EVENTS", dict(full, compression="none", max_age=7200000000000))
        for k, v in out.items():
            with open(os.path.join(outdir, k + ".json"), "w") as f:
                json.dump(v, f, indent=2, sort_keys=True); f.write("\n")
        await nc.close()
    finally:
        p.terminate(); p.wait(timeout=10); shutil.rmtree(sd, ignore_errors=True)

async def main():
    await run(shutil.which("nats-server"), sys.argv[1] + "/server-2.15.1")
    await run("/usr/sbin/nats-server", sys.argv[1] + "/server-2.9.10")
asyncio.run(main())
