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
            backoff: [10s, 1s]
            max_deliver: 5
