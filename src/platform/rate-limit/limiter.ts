import Redis from 'ioredis';
import { apiKeyLimits } from '@config/api-keys';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { getConfig } from '../config';
import { AppError } from '../http/errors';
import { retryMessage } from './retry-message';

/** Limits on every attempt (consumeRateLimit). */
export type LimitName = 'sign_in' | 'password_reset' | 'two_factor' | 'handoff' | 'api_key_create';
/** Limits on failures only (assertNotLocked, countFailure): a success costs nothing. */
export type FailureLimitName = 'sign_in_failures_address' | 'sign_in_failures_account' | 'two_factor_failures_user' | 'server_secret_failures';

// points per duration (seconds); generous enough for people, tight enough for scripts.
const rules: Record<LimitName | FailureLimitName, { points: number; duration: number }> = {
  sign_in: { points: 10, duration: 60 },
  password_reset: { points: 5, duration: 300 },
  two_factor: { points: 10, duration: 60 },
  handoff: { points: 30, duration: 60 },
  api_key_create: { points: apiKeyLimits.createPerMinute, duration: 60 },
  sign_in_failures_address: { points: 30, duration: 15 * 60 },
  sign_in_failures_account: { points: 10, duration: 15 * 60 },
  two_factor_failures_user: { points: 10, duration: 15 * 60 },
  server_secret_failures: { points: 20, duration: 60 },
};

const slot = Symbol.for('deflect.rateLimiters');
const holder = globalThis as unknown as Record<symbol, Map<string, RateLimiterAbstract> | undefined>;

function build(name: LimitName | FailureLimitName, REDIS_URL: string | undefined): RateLimiterAbstract {
  const options = { keyPrefix: `deflect:rl:${name}`, ...rules[name] };
  if (!REDIS_URL) return new RateLimiterMemory(options);
  const redis = new Redis(REDIS_URL, { enableOfflineQueue: false, lazyConnect: false, maxRetriesPerRequest: 1 });
  // With Redis down, fall back to this process's memory rather than refusing every sign-in.
  return new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: new RateLimiterMemory(options) });
}

function limiter(name: LimitName | FailureLimitName): RateLimiterAbstract {
  const { REDIS_URL } = getConfig();
  const limiters = (holder[slot] ??= new Map());
  const key = `${name}|${REDIS_URL ?? 'memory'}`;
  let found = limiters.get(key);
  if (!found) {
    found = build(name, REDIS_URL);
    limiters.set(key, found);
  }
  return found;
}

function refusal(seconds: number): AppError {
  return new AppError('rate_limited', retryMessage(seconds), undefined, seconds);
}

/** Counts one attempt; past the limit, a 429 with Retry-After and a message that says when. */
export async function consumeRateLimit(name: LimitName, key: string): Promise<void> {
  try {
    await limiter(name).consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw refusal(rejection.msBeforeNext / 1000);
    throw rejection;
  }
}

/** A 429 while `key` has used up its failures (whatever this attempt would have been); counts nothing. */
export async function assertNotLocked(name: FailureLimitName, key: string): Promise<void> {
  const state = await limiter(name).get(key);
  if (state && state.consumedPoints >= rules[name].points) throw refusal(state.msBeforeNext / 1000);
}

/** Counts one failure of `key`; when it was the one that locked the key (once per lockout), the seconds the lock lasts. */
export async function countFailure(name: FailureLimitName, key: string): Promise<number | null> {
  const state = await limiter(name).penalty(key, 1);
  return state.consumedPoints === rules[name].points ? state.msBeforeNext / 1000 : null;
}

/** Forgets the failures of `key` (after a success that proves who it is). */
export async function clearFailures(name: FailureLimitName, key: string): Promise<void> {
  await limiter(name).delete(key);
}
