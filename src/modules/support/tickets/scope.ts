import type { Role } from '@config/permissions';

/** Owners and admins see every ticket of their organization; other members only their own. */
export function canSeeEveryTicket(role: Role): boolean {
  return role === 'owner' || role === 'admin';
}
