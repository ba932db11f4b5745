import { describe, expect, it } from 'vitest';
import { newcombeDifference, wilson } from './interval';

describe('confidence intervals', () => {
  it('matches Newcombe’s published example: 56/70 − 48/80 = 0.2, 95 % interval 0.0524 to 0.3339', () => {
    const [low, high] = newcombeDifference(56, 70, 48, 80)!;
    expect(low).toBeCloseTo(0.0524, 4);
    expect(high).toBeCloseTo(0.3339, 4);
  });

  it('gives Wilson’s interval of a proportion, inside [0, 1] even at 0 and n, and nothing without observations', () => {
    // 81/263 (Wilson's interval as in Newcombe's 1998 paper on one proportion, method 3): 0.2553 to 0.3662.
    const [low, high] = wilson(81, 263)!;
    expect(low).toBeCloseTo(0.2553, 4);
    expect(high).toBeCloseTo(0.3662, 4);
    expect(wilson(0, 10)![0]).toBeCloseTo(0, 12);
    expect(wilson(10, 10)![1]).toBeCloseTo(1, 12);
    expect(wilson(0, 0)).toBeNull();
    expect(newcombeDifference(1, 0, 1, 2)).toBeNull();
  });
});
