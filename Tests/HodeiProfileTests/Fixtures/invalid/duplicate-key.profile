profile: 1
environment: dev
bus:
  type: nats
  type: inmemory
