profile: 1
environment: dev
servers:
  requires: "2.10"
tenants:
  t1:
    users:
      app: { publish: ["app.>"] }
    streams:
      EVENTS:
        subjects: ["app.>"]
        consumers:
          c1:
            priority_groups: [jobs]
            priority_policy: overflow
