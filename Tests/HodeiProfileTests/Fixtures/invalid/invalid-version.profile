profile: 1
environment: dev
servers:
  requires: two-ten
