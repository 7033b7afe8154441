profile: 1
environment: dev
tenants:
  t1:
    users:
      team/app: { publish: ["app.>"] }
    streams:
      EVENTS:
        subjects: ["app.>"]
