profile: 1
environment: dev
tenants:
  t1:
    users:
      idle: {}
    streams:
      EVENTS:
        subjects: ["app.>"]
