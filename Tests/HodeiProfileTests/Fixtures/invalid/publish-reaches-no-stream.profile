profile: 1
environment: dev
tenants:
  t1:
    users:
      app: { publish: ["billing.>"] }
    streams:
      EVENTS:
        subjects: ["app.>"]
