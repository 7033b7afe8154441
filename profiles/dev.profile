# Local development: one server on loopback, plaintext, one tenant.
profile: 1
environment: dev
extends: base.profile

servers:
  urls: [nats://127.0.0.1:4222]

auth:
  mode: accounts
  secrets_dir: ../.hodei/dev/secrets

bus:
  type: ${HODEI_EVENT_BUS_TYPE:-nats}

tenants:
  dev:
    users:
      orchestrator:
        publish: ["hodei.events.job.>", "hodei.events.pipeline.>"]
        consume: [HODEI_EVENTS/job-processors, HODEI_EVENTS/worker-events]
      worker:
        publish: ["hodei.events.worker.>", "hodei.events.log.>"]
        consume: [HODEI_EVENTS/job-processors]
      auditor:
        subscribe: ["hodei.events.>"]
        consume: [HODEI_EVENTS/log-ingest]
      admin:
        admin: true
