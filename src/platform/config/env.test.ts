import { afterEach, describe, expect, it } from 'vitest';
import { boot } from '@/boot';
import { envSchema } from './env';
import { ConfigurationError, getConfig, resetConfigForTests } from './index';

const stripeKeys = ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'USAGE_SOURCE'] as const;
const saved = Object.fromEntries(stripeKeys.map((key) => [key, process.env[key]]));

afterEach(() => {
  for (const key of stripeKeys) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  resetConfigForTests();
});

const problemsOf = (env: Record<string, string>) => {
  const parsed = envSchema.safeParse(env);
  return parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
};

describe('the Stripe configuration', () => {
  it.each([
    ['a webhook secret without the secret key', { STRIPE_WEBHOOK_SECRET: 'whsec_1' }, /STRIPE_WEBHOOK_SECRET is set/],
    ['a webhook secret with an empty secret key', { STRIPE_WEBHOOK_SECRET: 'whsec_1', STRIPE_SECRET_KEY: '' }, /STRIPE_WEBHOOK_SECRET is set/],
    ['usage read from Stripe without the secret key', { USAGE_SOURCE: 'stripe' }, /USAGE_SOURCE is "stripe"/],
    ['both without the secret key', { STRIPE_WEBHOOK_SECRET: 'whsec_1', USAGE_SOURCE: 'stripe' }, /STRIPE_WEBHOOK_SECRET is set and USAGE_SOURCE is "stripe"/],
  ])('refuses %s, naming STRIPE_SECRET_KEY', (_name, env, why) => {
    expect(problemsOf(env)).toEqual([{ path: 'STRIPE_SECRET_KEY', message: expect.stringMatching(why) }]);
  });

  it.each([
    ['no Stripe at all', {}],
    ['the secret key alone', { STRIPE_SECRET_KEY: 'sk_test_1' }],
    ['the secret key and the webhook secret', { STRIPE_SECRET_KEY: 'sk_test_1', STRIPE_WEBHOOK_SECRET: 'whsec_1' }],
    ['usage from Stripe with the secret key', { STRIPE_SECRET_KEY: 'sk_test_1', USAGE_SOURCE: 'stripe' }],
  ])('accepts %s', (_name, env) => {
    expect(problemsOf(env)).toEqual([]);
  });

  it('stops the start with a readable message before anything opens', async () => {
    delete process.env.STRIPE_SECRET_KEY;
    process.env.STRIPE_WEBHOOK_SECRET = 'whsec_1';
    resetConfigForTests();
    expect(() => getConfig()).toThrow(ConfigurationError);
    expect(() => getConfig()).toThrow(/Invalid configuration:\n {2}STRIPE_SECRET_KEY: STRIPE_WEBHOOK_SECRET is set, which needs STRIPE_SECRET_KEY too/);
    await expect(boot()).rejects.toThrow(/STRIPE_SECRET_KEY/);
  });
});
