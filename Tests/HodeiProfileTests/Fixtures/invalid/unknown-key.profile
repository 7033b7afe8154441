profile: 1
environment: dev
servers:
  urls: [nats://127.0.0.1:4222]
  conect_timeout: 5s
