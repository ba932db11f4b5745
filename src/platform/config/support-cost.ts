import { getConfig } from './index';

/** What an hour of a support person costs, in minor units of `currency` (money is bigint). */
export type SupportCost = { perHour: bigint; currency: string };

export function supportCost(): SupportCost {
  const config = getConfig();
  const [whole, fraction = ''] = config.SUPPORT_COST_PER_HOUR.split('.');
  return { perHour: BigInt(whole ?? '0') * 100n + BigInt(fraction.padEnd(2, '0')), currency: config.SUPPORT_COST_CURRENCY };
}

/** The cost of `hours` of support work at the configured rate, rounded to the minor unit. */
export function costOfHours(hours: number, cost: SupportCost = supportCost()): bigint {
  return BigInt(Math.round(hours * Number(cost.perHour)));
}
