/**
 * Seconds to wait after each failed attempt before the next: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h,
 * 10 h, 14 h, 14 h, 14 h, then given up (the delivery is `failed`; it may still be retried by hand).
 * In all 11 attempts, the last 2 days 21 h 35 min after the first: about 3 days. Documented in the README.
 */
export const WEBHOOK_RETRY_SCHEDULE: readonly number[] = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600, 14 * 3600, 14 * 3600, 14 * 3600];

/** An endpoint whose deliveries have failed this long without a success in between is disabled. */
export const AUTO_DISABLE_AFTER_MS = 5 * 24 * 3600 * 1000;

/** A receiver that has not answered within this is a failed attempt. */
export const DELIVERY_TIMEOUT_MS = 10_000;
