profile: 1
environment: dev
tenants:
  t1:
    users:
      app:
        consume: [EVENTS]
    streams:
      EVENTS:
        subjects: ["app.>"]
