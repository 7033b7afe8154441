profile: 1
environment: dev
servers:
  urls: [nats://127.0.0.1:4222
  connect_timeout: 5s
