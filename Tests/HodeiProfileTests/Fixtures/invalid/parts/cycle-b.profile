profile: 1
extends: cycle-c.profile
