profile: 1
environment: dev
tenants:
  t1:
    users:
      app: { subscribe: [">"] }
    streams:
      EVENTS:
        subjects: ["app.>"]
