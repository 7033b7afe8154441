profile: 1
environment: dev
servers:
  requires: "2.9"
tenants:
  t1:
    users:
      app: { publish: ["app.>"] }
    streams:
      EVENTS:
        subjects: ["app.>"]
        compression: s2
