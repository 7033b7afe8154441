profile: 1
environment: dev
tenants:
  t1:
    users:
      app:
        consume: [EVENT/c1]
    streams:
      EVENTS:
        subjects: ["app.>"]
        consumers:
          c1: { filter: "app.a" }
