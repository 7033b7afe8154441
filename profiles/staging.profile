# Staging: one TLS server, operator auth, two tenants.
profile: 1
environment: staging
extends: base.profile

servers:
  urls: [tls://nats.staging.example:4222]
  connect_timeout: 10s
  requires: "2.10"

tls:
  ca: ../certs/staging/ca.pem
  cert: ../certs/staging/server.pem
  key: ../certs/staging/server-key.pem
  server_names: [nats.staging.example]

auth:
  mode: operator
  secrets_dir: ../.hodei/staging/secrets

defaults:
  streams:
    HODEI_EVENTS:
      compression: s2
      metadata: { owner: platform }

tenants:
  acme:
    users:
      orchestrator:
        publish: ["hodei.events.job.>", "hodei.events.pipeline.>"]
        consume: [HODEI_EVENTS/job-processors]
      worker:
        publish: ["hodei.events.worker.>", "hodei.events.log.>"]
        consume: [HODEI_EVENTS/job-processors]
  qa:
    limits: { max_streams: 5, max_file: 20GiB }
    users:
      tester:
        publish: ["hodei.events.job.>"]
        subscribe: ["hodei.events.>"]
