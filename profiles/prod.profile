# Production: 3-node cluster, mutual TLS, operator auth, three tenants.
# The TLS files are created by `hodei-provision certs profiles/prod.profile`; until then
# `validate` reports them as missing (a warning; an error with --check-files).
profile: 1
environment: prod
extends: base.profile

servers:
  urls:
    - tls://nats-1.prod.example:4222
    - tls://nats-2.prod.example:4222
    - tls://nats-3.prod.example:4222
  connect_timeout: 5s
  requires: "2.10"

tls:
  ca: ../certs/prod/ca.pem
  cert: ../certs/prod/server.pem
  key: ../certs/prod/server-key.pem
  verify_clients: true
  server_names: [nats-1.prod.example, nats-2.prod.example, nats-3.prod.example]

auth:
  mode: operator
  secrets_dir: ../.hodei/prod/secrets

cluster:
  name: hodei-prod
  nodes: [nats-1, nats-2, nats-3]
  jetstream: { store_dir: /var/lib/nats, max_file: 200GiB, max_mem: 2GiB }

defaults:
  limits: { max_streams: 20, max_consumers: 200, max_file: 100GiB, max_mem: 1GiB, max_ack_pending: 20000 }
  streams:
    HODEI_EVENTS:
      replicas: 3
      max_bytes: 20GiB
      compression: s2
      allow_direct: true
      deny_delete: true
      prevent_delete: true
      metadata: { owner: platform, tier: gold }

tenants:
  acme:
    users:
      orchestrator:
        publish: ["hodei.events.job.>", "hodei.events.pipeline.>"]
        consume: [HODEI_EVENTS/job-processors, HODEI_EVENTS/worker-events]
      worker:
        publish: ["hodei.events.worker.>", "hodei.events.log.>"]
        consume: [HODEI_EVENTS/job-processors]
      auditor:
        subscribe: ["hodei.events.>"]
      ops:
        admin: true
    streams:
      BUILD_LOGS:
        subjects: ["hodei.logs.>"]
        max_bytes: 5GiB
        max_age: 7d
        replicas: 3
        consumers:
          archiver: { filter: "hodei.logs.>", ack: explicit, ack_wait: 2m, max_deliver: 10 }
  globex:
    limits: { max_file: 80GiB }
    users:
      orchestrator:
        publish: ["hodei.events.job.>"]
        consume: [HODEI_EVENTS/job-processors]
      worker:
        publish: ["hodei.events.worker.>", "hodei.events.log.>"]
        consume: [HODEI_EVENTS/job-processors]
  initech:
    users:
      orchestrator:
        publish: ["hodei.events.job.>", "hodei.events.pipeline.>"]
        consume: [HODEI_EVENTS/job-processors]
      worker:
        publish: ["hodei.events.worker.>", "hodei.events.log.>"]
        consume: [HODEI_EVENTS/job-processors, HODEI_EVENTS/log-ingest]
