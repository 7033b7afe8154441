profile: 1
environment: prod
servers:
  urls: [nats://10.0.0.1:4222]
