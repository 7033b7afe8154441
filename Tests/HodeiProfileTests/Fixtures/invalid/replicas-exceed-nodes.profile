profile: 1
environment: dev
cluster:
  name: c
  nodes: [n1, n2, n3]
tenants:
  t1:
    users:
      app: { publish: ["app.>"] }
    streams:
      EVENTS:
        subjects: ["app.>"]
        replicas: 5
