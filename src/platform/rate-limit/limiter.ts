import Redis from 'ioredis';
import { apiKeyLimits } from '@config/api-keys';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { getConfig } from '../config';
import { AppError } from '../http/errors';

export type LimitName = 'sign_in' | 'password_reset' | 'two_factor' | 'handoff' | 'api_key_create';

// points per duration (seconds); generous enough for people, tight enough for scripts.
const rules: Record<LimitName, { points: number; duration: number }> = {
  sign_in: { points: 10, duration: 60 },
  password_reset: { points: 5, duration: 300 },
  two_factor: { points: 10, duration: 60 },
  handoff: { points: 30, duration: 60 },
  api_key_create: { points: apiKeyLimits.createPerMinute, duration: 60 },
};

const slot = Symbol.for('deflect.rateLimiters');
const holder = globalThis as unknown as Record<symbol, Map<string, RateLimiterAbstract> | undefined>;

function build(name: LimitName, REDIS_URL: string | undefined): RateLimiterAbstract {
  const options = { keyPrefix: `deflect:rl:${name}`, ...rules[name] };
  if (!REDIS_URL) return new RateLimiterMemory(options);
  const redis = new Redis(REDIS_URL, { enableOfflineQueue: false, lazyConnect: false, maxRetriesPerRequest: 1 });
  // With Redis down, fall back to this process's memory rather than refusing every sign-in.
  return new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: new RateLimiterMemory(options) });
}

function limiter(name: LimitName): RateLimiterAbstract {
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

/** Counts one attempt; past the limit, a 429 with Retry-After. */
export async function consumeRateLimit(name: LimitName, key: string): Promise<void> {
  try {
    await limiter(name).consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      throw new AppError('rate_limited', 'Too many attempts. Please wait a moment and try again.', undefined, rejection.msBeforeNext / 1000);
    }
    throw rejection;
  }
}
