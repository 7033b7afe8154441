environment: dev
