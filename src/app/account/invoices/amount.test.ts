import { describe, expect, it } from 'vitest';
import { toMajorUnits } from '@/ui/money';
import { toMinorUnits } from './amount';

describe('toMinorUnits', () => {
  it.each([
    ['12000', 1_200_000],
    ['12000.5', 1_200_050],
    ['12,000.00', 1_200_000],
    ['12.000,00', 1_200_000],
    ['12000,5', 1_200_050],
    [' 12 000.00 ', 1_200_000],
    ['0.01', 1],
    ['1.234', 123_400],
    ['12,000', 1_200_000],
  ])('reads %s EUR as %i cents', (typed, cents) => {
    expect(toMinorUnits(typed, 'eur')).toBe(cents);
  });

  it('follows the currency’s digits', () => {
    expect(toMinorUnits('1,000', 'jpy')).toBe(1000);
    expect(toMinorUnits('1.5', 'jpy')).toBeNull();
    expect(toMinorUnits('1.234', 'kwd')).toBe(1234);
    expect(toMinorUnits('1,234.500', 'kwd')).toBe(1_234_500);
  });

  it.each(['', 'abc', '-5', '1.2345', '1e3', '12,00,000', '1,5.5', '1.000.00'])('refuses %j', (typed) => {
    expect(toMinorUnits(typed, 'eur')).toBeNull();
  });
});

describe('toMajorUnits', () => {
  it('writes the amount as it would be typed back', () => {
    expect(toMajorUnits(1_200_000, 'eur')).toBe('12000.00');
    expect(toMajorUnits(1000, 'jpy')).toBe('1000');
  });
});
