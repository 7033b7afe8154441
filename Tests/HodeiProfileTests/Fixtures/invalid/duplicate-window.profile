profile: 1
environment: dev
tenants:
  t1:
    users:
      app: { publish: ["app.>"] }
    streams:
      EVENTS:
        subjects: ["app.>"]
        max_age: 1m
        duplicate_window: 2m
