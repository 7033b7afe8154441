profile: 1
environment: dev
tenants:
  t1:
    limits: { max_ack_pending: 100 }
    users:
      app: { publish: ["app.>"] }
    streams:
      EVENTS:
        subjects: ["app.>"]
        consumers:
          c1: { filter: "app.a", max_ack_pending: 500 }
