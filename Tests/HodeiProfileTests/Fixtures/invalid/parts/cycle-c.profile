profile: 1
extends: ../extends-cycle.profile
