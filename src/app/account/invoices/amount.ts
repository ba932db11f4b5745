import { minorUnitDigits } from '@/ui/money';

/** Ways of writing an amount, most literal first: one decimal separator, then "1,234.5" and "1.234,5". */
const readings: [RegExp, (text: string) => string][] = [
  [/^\d+([.,]\d+)?$/, (text) => text.replace(',', '.')],
  [/^\d{1,3}(,\d{3})+(\.\d+)?$/, (text) => text.replaceAll(',', '')],
  [/^\d{1,3}(\.\d{3})+(,\d+)?$/, (text) => text.replaceAll('.', '').replace(',', '.')],
];

/**
 * An amount typed in major units ("12,000.00", "12000", "12.000,50") as an integer in the currency's
 * minor units. The first reading with no more decimals than the currency has wins (so "1.234" is
 * €1,234 but 1.234 KWD); null when no reading fits.
 */
export function toMinorUnits(typed: string, currency: string): number | null {
  const digits = minorUnitDigits(currency);
  const text = typed.trim().replace(/[\s\u00a0'_]/g, '');
  for (const [pattern, normalise] of readings) {
    if (!pattern.test(text)) continue;
    const [whole = '', fraction = ''] = normalise(text).split('.');
    if (fraction.length > digits) continue;
    const minor = BigInt(whole) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
    if (minor <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(minor);
  }
  return null;
}
