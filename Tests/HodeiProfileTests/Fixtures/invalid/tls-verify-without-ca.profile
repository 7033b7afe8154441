profile: 1
environment: dev
tls:
  cert: parts/server.pem
  key: parts/server-key.pem
  verify_clients: true
