profile: 1
environment: dev
bus:
  type: ${HODEI_TEST_UNSET_BUS}
