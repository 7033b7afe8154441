profile: 1
environment: dev
tls:
  ca: parts/missing-ca.pem
  check_files: true
