profile: 1
environment: dev
tenants:
  t1:
    limits: { max_consumers: 1 }
    users:
      app: { publish: ["app.>"] }
    streams:
      EVENTS:
        subjects: ["app.>"]
        consumers:
          c1: { filter: "app.a" }
          c2: { filter: "app.b" }
