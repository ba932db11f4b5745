/**
 * Money is stored as bigint in the currency's minor unit. The HTTP contract carries amounts as JSON
 * numbers, which are exact only up to 2^53 - 1, so that is the bound of every amount we accept.
 */
const MAX_MINOR_UNITS = BigInt(Number.MAX_SAFE_INTEGER);

export const isWithinBounds = (amount: bigint) => amount <= MAX_MINOR_UNITS && amount >= -MAX_MINOR_UNITS;

/** An amount for a JSON body; refuses to lose digits silently. */
export function toJsonAmount(amount: bigint): number {
  if (!isWithinBounds(amount)) throw new RangeError('A money amount exceeds the range a JSON number holds exactly.');
  return Number(amount);
}

