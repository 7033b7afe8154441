profile: 1
environment: dev
tenants:
  t1:
    users:
      app:
        publish: ["app.>"]
        password: file:parts/no-such-secret
    streams:
      EVENTS:
        subjects: ["app.>"]
