profile: 1
environment: dev
servers:
  urls: [tls://127.0.0.1:4222]
