profile: 1
environment: dev
cluster:
  name: c
  nodes: [n1, n1]
