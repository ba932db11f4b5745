import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { resetConfigForTests } from '../config';
import { AppError } from '../http/errors';
import { consumeRateLimit } from './limiter';

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

it('CI provides Redis for the shared limiter', () => {
  if (process.env.CI === 'true') expect(process.env.TEST_REDIS_URL).toBeTruthy();
});
