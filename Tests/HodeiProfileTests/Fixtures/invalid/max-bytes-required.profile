profile: 1
environment: dev
tenants:
  t1:
    limits: { max_bytes_required: true }
    users:
      app: { publish: ["app.>"] }
    streams:
      EVENTS:
        subjects: ["app.>"]
