const subscriptionStatuses: Record<string, { label: string; tone?: 'success' | 'warning' | 'danger' }> = {
  active: { label: 'Active', tone: 'success' },
  trialing: { label: 'Trial', tone: 'success' },
  past_due: { label: 'Past due', tone: 'warning' },
  incomplete: { label: 'Incomplete', tone: 'warning' },
  paused: { label: 'Paused', tone: 'warning' },
  unpaid: { label: 'Unpaid', tone: 'danger' },
  incomplete_expired: { label: 'Expired', tone: 'danger' },
  canceled: { label: 'Canceled' },
};

/** A Stripe subscription status in words, coloured by how much it needs attention. */
export function SubscriptionStatusBadge({ status }: { status: string | null }) {
  if (!status) return null;
  const known = subscriptionStatuses[status] ?? { label: status.replaceAll('_', ' ') };
  return <span className={known.tone ? `badge badge-${known.tone}` : 'badge'}>{known.label}</span>;
}
