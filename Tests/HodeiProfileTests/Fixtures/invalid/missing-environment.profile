profile: 1
servers:
  urls: [nats://127.0.0.1:4222]
