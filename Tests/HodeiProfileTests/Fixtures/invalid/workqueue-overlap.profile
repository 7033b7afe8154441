profile: 1
environment: dev
tenants:
  t1:
    users:
      app: { publish: ["app.>"] }
    streams:
      EVENTS:
        subjects: ["app.>"]
        retention: workqueue
        consumers:
          c1: { filter: "app.jobs.>" }
          c2: { filter: "app.*.created" }
