profile: 2
environment: dev
