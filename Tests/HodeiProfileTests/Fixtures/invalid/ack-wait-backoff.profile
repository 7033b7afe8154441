profile: 1
environment: dev
tenants:
  t1:
    users:
      app: { publish: ["app.>"] }
    streams:
      EVENTS:
        subjects: ["app.>"]
        consumers:
          c1:
            ack_wait: 30s
            backoff: [1s, 10s]
            max_deliver: 5
