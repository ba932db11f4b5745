import { describe, expect, it } from 'vitest';
import { retryMessage } from './retry-message';

describe('retryMessage', () => {
  it.each([
    [0.2, 'Try again in 1 second.'],
    [1, 'Try again in 1 second.'],
    [42.1, 'Try again in 43 seconds.'],
    [60, 'Try again in 1 minute.'],
    [61, 'Try again in 2 minutes.'],
    [240, 'Try again in 4 minutes.'],
    [899.5, 'Try again in 15 minutes.'],
  ])('after %s s says "%s"', (seconds, text) => {
    expect(retryMessage(seconds)).toBe(`Too many attempts. ${text}`);
  });
});
