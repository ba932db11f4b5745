// Plans and what each includes. Seats count members plus pending invitations; null is unlimited.
export const plans = ['free', 'pro', 'enterprise'] as const;
export type Plan = (typeof plans)[number];

export const planLabels: Record<Plan, string> = { free: 'Free', pro: 'Pro', enterprise: 'Enterprise' };

export const seatLimits: Record<Plan, number | null> = { free: 3, pro: 10, enterprise: null };

export function seatLimitOf(plan: string): number | null {
  return plan in seatLimits ? seatLimits[plan as Plan] : seatLimits.free;
}
