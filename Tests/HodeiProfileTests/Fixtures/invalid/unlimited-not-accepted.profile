profile: 1
environment: dev
bus:
  capacity: unlimited
