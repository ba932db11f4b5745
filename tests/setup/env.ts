// Runs in every test worker before the test file is imported. The fixed values live in
// vitest.config.ts (`test.env`); this removes whatever of the developer's own environment would
// point a test at an outside system (their database, SMTP server, Redis, Stripe account).
for (const name of [
  'DATABASE_URL',
  'SMTP_URL',
  'REDIS_URL',
  'HOST_SIGN_IN_URL',
  'HOST_SECURITY_URL',
  'SIGNUP_ENABLED',
  'DISABLED_SECTIONS',
  'STRIPE_SECRET_KEY',
  'STRIPE_WEBHOOK_SECRET',
  'STRIPE_PORTAL_CONFIG_ID',
  'STRIPE_API_URL',
  'PORT',
]) {
  delete process.env[name];
}
