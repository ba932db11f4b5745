import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { resetConfigForTests } from '../config';
import { AppError } from '../http/errors';
import { assertNotLocked, clearFailures, consumeRateLimit, countFailure } from './limiter';

async function attemptsUntilRefused(key: string, max: number): Promise<{ allowed: number; error: AppError }> {
  for (let i = 0; i < max; i++) {
    try {
      await consumeRateLimit('sign_in', key);
    } catch (error) {
      return { allowed: i, error: error as AppError };
    }
  }
  throw new Error(`never refused after ${max} attempts`);
}

// Redis runs when TEST_REDIS_URL is set (always under CI, see the last test).
const stores: [string, string | undefined][] = [['in-process memory', undefined]];
if (process.env.TEST_REDIS_URL) stores.push(['Redis', process.env.TEST_REDIS_URL]);

function useStore(redisUrl: string | undefined): void {
  if (redisUrl) process.env.REDIS_URL = redisUrl;
  else delete process.env.REDIS_URL;
  resetConfigForTests();
}

describe.each(stores)('sign-in rate limit (%s)', (_store, redisUrl) => {
  const saved = process.env.REDIS_URL;
  afterEach(() => useStore(saved));

  it('allows 10 attempts a minute, then answers 429 with a retry delay', async () => {
    useStore(redisUrl);
    const { allowed, error } = await attemptsUntilRefused(`127.0.0.1:${randomUUID()}@example.test`, 20);
    expect(allowed).toBe(10);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('rate_limited');
    expect(error.status).toBe(429);
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it('counts each key on its own', async () => {
    useStore(redisUrl);
    await attemptsUntilRefused(`10.0.0.1:${randomUUID()}`, 20);
    await expect(consumeRateLimit('sign_in', `10.0.0.1:${randomUUID()}`)).resolves.toBeUndefined();
  });
});

describe.each(stores)('failure limits (%s)', (_store, redisUrl) => {
  const saved = process.env.REDIS_URL;
  afterEach(() => useStore(saved));

  it('counts failures only: the tenth locks the account once, and a locked key is refused with when to retry', async () => {
    useStore(redisUrl);
    const account = `${randomUUID()}@example.test`;
    const locks: (number | null)[] = [];
    for (let i = 0; i < 12; i++) {
      await assertNotLocked('sign_in_failures_account', account).catch(() => {});
      locks.push(await countFailure('sign_in_failures_account', account));
    }
    expect(locks.filter((l) => l !== null)).toHaveLength(1);
    expect(locks.findIndex((l) => l !== null)).toBe(9);
    expect(locks[9]).toBeGreaterThan(14 * 60);
    const refusal = (await assertNotLocked('sign_in_failures_account', account).catch((e: unknown) => e)) as AppError;
    expect(refusal).toMatchObject({ code: 'rate_limited', status: 429, message: 'Too many attempts. Try again in 15 minutes.' });
    expect(refusal.retryAfterSeconds).toBeGreaterThan(14 * 60);
  });

  it('lets a key through until it is locked, and again once its failures are cleared', async () => {
    useStore(redisUrl);
    const account = `${randomUUID()}@example.test`;
    for (let i = 0; i < 9; i++) await countFailure('sign_in_failures_account', account);
    await expect(assertNotLocked('sign_in_failures_account', account)).resolves.toBeUndefined();
    await countFailure('sign_in_failures_account', account);
    await expect(assertNotLocked('sign_in_failures_account', account)).rejects.toBeInstanceOf(AppError);
    await clearFailures('sign_in_failures_account', account);
    await expect(assertNotLocked('sign_in_failures_account', account)).resolves.toBeUndefined();
  });
});

it('CI provides Redis for the shared limiter', () => {
  if (process.env.CI === 'true') expect(process.env.TEST_REDIS_URL).toBeTruthy();
});
