profile: 1
environment: dev
tenants:
  acme.corp:
    users:
      app: { admin: true }
