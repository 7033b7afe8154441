profile: 1
environment: dev
tenants:
  t1:
    limits: { max_file: 1GiB }
    users:
      app: { publish: ["app.>"] }
    streams:
      EVENTS:
        subjects: ["app.>"]
        max_bytes: 2GiB
