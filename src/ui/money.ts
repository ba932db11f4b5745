/*
 * Amounts are integers in Stripe's minor units. Stripe's digits differ from Intl's (CLDR's) for a
 * dozen currencies: Intl formats COP, HUF, IDR, ISK, PKR… without decimals, yet Stripe still counts
 * them in hundredths. So the digits come from Stripe's lists, and Intl only does the formatting.
 * https://docs.stripe.com/currencies#zero-decimal
 */
const ZERO_DECIMAL = new Set(['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf']);
const THREE_DECIMAL = new Set(['bhd', 'jod', 'kwd', 'omr', 'tnd']);

export type CurrencyDisplay = 'symbol' | 'code';

/** How many digits of an amount in `currency` are after the decimal point: 2 for eur, 0 for jpy. */
export function minorUnitDigits(currency: string): number {
  const code = currency.toLowerCase();
  if (ZERO_DECIMAL.has(code)) return 0;
  if (THREE_DECIMAL.has(code)) return 3;
  return 2;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string, display: CurrencyDisplay): Intl.NumberFormat {
  const key = `${currency}:${display}`;
  let format = formatters.get(key);
  if (!format) {
    const digits = minorUnitDigits(currency);
    format = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: currency.toUpperCase(),
      currencyDisplay: display,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      signDisplay: 'negative',
    });
    formatters.set(key, format);
  }
  return format;
}

/**
 * The amount in major units as a decimal string, digit for digit: `toMajorUnits(123456n, 'eur')` →
 * "1234.56". Dividing a number by 100 would round amounts beyond about 15 digits.
 */
export function toMajorUnits(amountMinor: bigint | number, currency: string): string {
  const minor = BigInt(amountMinor);
  const digits = minorUnitDigits(currency);
  const magnitude = (minor < 0n ? -minor : minor).toString().padStart(digits + 1, '0');
  const whole = magnitude.slice(0, magnitude.length - digits);
  const fraction = digits > 0 ? `.${magnitude.slice(-digits)}` : '';
  return `${minor < 0n ? '-' : ''}${whole}${fraction}`;
}

/** `formatMoney(490000, 'eur')` → "€4,900.00"; `formatMoney(-1250, 'usd')` → "-$12.50"; `formatMoney(1000, 'jpy')` → "¥1,000". */
export function formatMoney(amountMinor: bigint | number, currency: string, display: CurrencyDisplay = 'symbol'): string {
  const code = currency.toLowerCase();
  // Intl formats a decimal string exactly; its type only lists numbers.
  return formatter(code, display).format(toMajorUnits(amountMinor, code) as unknown as number);
}
