import { describe, expect, it } from 'vitest';
import { formatMoney, minorUnitDigits, toMajorUnits } from './money';

describe('formatMoney', () => {
  it('formats two-decimal currencies from minor units', () => {
    expect(formatMoney(490000, 'eur')).toBe('€4,900.00');
    expect(formatMoney(1999, 'usd')).toBe('$19.99');
    expect(formatMoney(5, 'usd')).toBe('$0.05');
  });

  it('formats zero-decimal currencies without dividing', () => {
    expect(formatMoney(1000, 'jpy')).toBe('¥1,000');
  });

  // Intl separates a code from the number with a no-break space.
  it('formats three-decimal currencies', () => {
    expect(formatMoney(12340, 'kwd')).toBe('KWD\u00a012.340');
  });

  it('keeps decimals for currencies Stripe counts in hundredths though Intl shows none', () => {
    expect(formatMoney(123450, 'isk')).toBe('ISK\u00a01,234.50');
  });

  it('puts a plain minus before the symbol of a negative amount', () => {
    expect(formatMoney(-1250, 'eur')).toBe('-€12.50');
    expect(formatMoney(-1000, 'jpy')).toBe('-¥1,000');
  });

  it('formats zero without a sign', () => {
    expect(formatMoney(0, 'eur')).toBe('€0.00');
    expect(formatMoney(-0, 'eur')).toBe('€0.00');
  });

  it('accepts the currency in either case', () => {
    expect(formatMoney(100, 'EUR')).toBe(formatMoney(100, 'eur'));
  });

  it.each([
    [9_007_199_254_740_991, 'eur', '€90,071,992,547,409.91'],
    [9_007_199_254_740_991n, 'eur', '€90,071,992,547,409.91'],
    [-9_007_199_254_740_993n, 'usd', '-$90,071,992,547,409.93'],
    [123_456_789_012_345_678_901n, 'jpy', '¥123,456,789,012,345,678,901'],
    [1_234_567_890_123_456_789n, 'kwd', 'KWD 1,234,567,890,123,456.789'],
    [3_000_000_000n, 'eur', '€30,000,000.00'],
  ])('formats %s %s digit for digit, however large', (amount, currency, expected) => {
    expect(formatMoney(amount, currency)).toBe(expected);
  });

  it('shows the ISO code when asked', () => {
    expect(formatMoney(490000, 'eur', 'code')).toBe('EUR\u00a04,900.00');
  });
});

describe('minorUnitDigits', () => {
  it("follows Stripe's minor units", () => {
    expect(minorUnitDigits('eur')).toBe(2);
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(minorUnitDigits('bhd')).toBe(3);
    expect(minorUnitDigits('huf')).toBe(2);
  });
});

describe('toMajorUnits', () => {
  it.each([
    [1n, 'eur', '0.01'],
    [-5n, 'eur', '-0.05'],
    [0, 'jpy', '0'],
    [9_007_199_254_740_993n, 'eur', '90071992547409.93'],
    [1_234_567n, 'bhd', '1234.567'],
  ])('writes %s %s as %j', (amount, currency, expected) => {
    expect(toMajorUnits(amount, currency)).toBe(expected);
  });
});
