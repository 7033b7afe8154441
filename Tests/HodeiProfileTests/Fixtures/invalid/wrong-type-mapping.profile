profile: 1
environment: dev
servers: [nats://127.0.0.1:4222]
