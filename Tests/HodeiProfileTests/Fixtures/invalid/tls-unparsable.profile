profile: 1
environment: dev
tls:
  ca: parts/not-a-cert.pem
