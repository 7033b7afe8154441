# Shared defaults of every Hodei environment. Abstract: only meant to be extended.
profile: 1
abstract: true
description: Hodei Pipelines event bus, shared defaults

servers:
  connect_timeout: 5s
  reconnect_wait: 2s
  max_reconnects: unlimited

auth:
  mode: accounts

bus:
  type: nats
  capacity: 10000
  stream: HODEI_EVENTS
  subject_prefix: hodei.events

defaults:
  limits: { max_streams: 20, max_consumers: 200, max_file: 50GiB, max_mem: 1GiB, max_ack_pending: 10000 }
  streams:
    HODEI_EVENTS:
      description: Hodei Pipelines system events
      subjects: ["hodei.events.>"]
      storage: file
      retention: limits
      discard: old
      max_msgs: 1000000
      max_bytes: 10GiB
      max_age: 30d
      max_msg_size: 1MiB
      replicas: 1
      duplicate_window: 2m
      consumers:
        job-processors:
          description: Orchestrator side, job lifecycle
          filter: "hodei.events.job.>"
          ack: explicit
          ack_wait: 30s
          max_deliver: 5
          max_ack_pending: 1000
        worker-events:
          description: Worker registration and heartbeats
          filter: "hodei.events.worker.>"
          ack: explicit
          backoff: [1s, 5s, 30s]
          max_deliver: 6
        log-ingest:
          description: Build log lines for storage
          filter: "hodei.events.log.>"
          ack: explicit
          ack_wait: 1m
          max_deliver: 3
          max_ack_pending: 5000
