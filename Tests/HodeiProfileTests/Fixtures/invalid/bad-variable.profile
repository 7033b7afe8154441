profile: 1
environment: dev
bus:
  type: ${HODEI TEST}
