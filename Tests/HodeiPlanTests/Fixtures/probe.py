import asyncio, json, os, socket, subprocess, sys, tempfile, shutil
import nats

def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p

async def req(nc, subj, body):
    m = await nc.request(subj, json.dumps(body).encode() if body is not None else b"", timeout=5)
    d = json.loads(m.data)
    return d.get("error") or "ok"

async def run(binary):
    port = free_port(); sd = tempfile.mkdtemp()
    p = subprocess.Popen([binary, "-js", "-a", "127.0.0.1", "-p", str(port), "-sd", sd], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    out = {}
    try:
        for _ in range(100):
            try:
                nc = await nats.connect(f"nats://127.0.0.1:{port}", connect_timeout=1, max_reconnect_attempts=0); break
            except Exception:
                await asyncio.sleep(0.1)
        base = {"name": "R", "subjects": ["r.>"]}
        await req(nc, "$JS.API.STREAM.CREATE.R", base)
        out["stream retention limits->interest"] = await req(nc, "$JS.API.STREAM.UPDATE.R", dict(base, retention="interest"))
        out["stream retention interest->limits"] = await req(nc, "$JS.API.STREAM.UPDATE.R", dict(base, retention="limits"))
        out["stream subjects change"] = await req(nc, "$JS.API.STREAM.UPDATE.R", dict(base, subjects=["r.>", "s.>"]))
        out["stream deny_purge on"] = await req(nc, "$JS.API.STREAM.UPDATE.R", dict(base, deny_purge=True))
        out["stream deny_purge off"] = await req(nc, "$JS.API.STREAM.UPDATE.R", dict(base, deny_purge=False))
        out["stream compression s2 (update)"] = await req(nc, "$JS.API.STREAM.UPDATE.R", dict(base, compression="s2"))
        await req(nc, "$JS.API.STREAM.CREATE.M", {"name": "M", "mirror": {"name": "R"}})
        out["stream mirror removed"] = await req(nc, "$JS.API.STREAM.UPDATE.M", {"name": "M"})
        await req(nc, "$JS.API.STREAM.CREATE.P", {"name": "P", "subjects": ["p.>"]})
        pc = {"durable_name": "push", "deliver_subject": "d.one", "ack_policy": "explicit"}
        await req(nc, "$JS.API.CONSUMER.CREATE.P.push", {"stream_name": "P", "config": pc})
        out["consumer deliver_subject change"] = await req(nc, "$JS.API.CONSUMER.CREATE.P.push", {"stream_name": "P", "config": dict(pc, deliver_subject="d.two")})
        out["consumer idle_heartbeat change"] = await req(nc, "$JS.API.CONSUMER.CREATE.P.push", {"stream_name": "P", "config": dict(pc, deliver_subject="d.two", idle_heartbeat=5000000000)})
        out["consumer push->pull"] = await req(nc, "$JS.API.CONSUMER.CREATE.P.push", {"stream_name": "P", "config": dict(pc, deliver_subject=None)})
        qc = {"durable_name": "pull", "ack_policy": "explicit"}
        await req(nc, "$JS.API.CONSUMER.CREATE.P.pull", {"stream_name": "P", "config": qc})
        out["consumer filter_subject change"] = await req(nc, "$JS.API.CONSUMER.CREATE.P.pull", {"stream_name": "P", "config": dict(qc, filter_subject="p.a")})
        out["consumer max_ack_pending change"] = await req(nc, "$JS.API.CONSUMER.CREATE.P.pull", {"stream_name": "P", "config": dict(qc, filter_subject="p.a", max_ack_pending=5)})
        out["consumer deliver_policy change"] = await req(nc, "$JS.API.CONSUMER.CREATE.P.pull", {"stream_name": "P", "config": dict(qc, filter_subject="p.a", max_ack_pending=5, deliver_policy="new")})
        out["consumer mem_storage change"] = await req(nc, "$JS.API.CONSUMER.CREATE.P.pull", {"stream_name": "P", "config": dict(qc, filter_subject="p.a", max_ack_pending=5, mem_storage=True)})
        out["consumer ack_wait change"] = await req(nc, "$JS.API.CONSUMER.CREATE.P.pull", {"stream_name": "P", "config": dict(qc, filter_subject="p.a", max_ack_pending=5, ack_wait=60000000000)})
        await nc.close()
    finally:
        p.terminate(); p.wait(timeout=10); shutil.rmtree(sd, ignore_errors=True)
    return out

async def main():
    res = {"2.15.1": await run(shutil.which("nats-server")), "2.9.10": await run("/usr/sbin/nats-server")}
    print(json.dumps(res, indent=2, sort_keys=True))
asyncio.run(main())
