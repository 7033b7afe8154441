profile: 1
environment: dev
servers:
  urls: []
