profile: 1
environment: dev
tenants:
  t1:
    limits: { max_streams: 1 }
    users:
      app: { publish: ["app.>"] }
    streams:
      EVENTS:
        subjects: ["app.>"]
      OTHER:
        subjects: ["other.>"]
