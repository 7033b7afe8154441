profile: 1
environment: dev
tenants:
  t1:
    users:
      app:
        publish: ["app.>"]
        password: hunter2
    streams:
      EVENTS:
        subjects: ["app.>"]
