profile: 1
environment: dev
tenants:
  t1:
    users:
      app:
        consume: [EVENTS/c2]
    streams:
      EVENTS:
        subjects: ["app.>"]
        consumers:
          c1: { filter: "app.a" }
