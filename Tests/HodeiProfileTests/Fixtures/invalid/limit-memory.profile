profile: 1
environment: dev
tenants:
  t1:
    limits: { max_mem: 64MiB }
    users:
      app: { publish: ["app.>"] }
    streams:
      EVENTS:
        subjects: ["app.>"]
        storage: memory
        max_bytes: 128MiB
