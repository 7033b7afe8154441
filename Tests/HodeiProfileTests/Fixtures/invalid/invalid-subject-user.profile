profile: 1
environment: dev
tenants:
  t1:
    users:
      app: { publish: ["app.a b"] }
    streams:
      EVENTS:
        subjects: ["app.>"]
