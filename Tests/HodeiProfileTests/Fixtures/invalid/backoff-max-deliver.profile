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
            backoff: [1s, 10s, 1m]
            max_deliver: 3
