profile: 1
environment: dev
tennants:
  t1: {}
