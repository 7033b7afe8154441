profile: 1
environment: dev
extends: parts/does-not-exist.profile
