profile: 1
environment: staging
tls:
  allow_plaintext: true
bus:
  type: inmemory
