profile: 1
environment: dev
extends: parts/cycle-b.profile
