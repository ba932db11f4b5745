import { forbidden, notFound } from '../http/errors';
import type { Actor } from './actor';

/**
 * The customer a staff action touches, given the organization of the row it found (undefined: no
 * row). From the console's page of one customer the actor names that customer, and a row of any other
 * is not found; from an `/api/admin` route it names none, and the row's own customer is the one.
 */
export function customerInReach(actor: Actor, rowOrganizationId: string | null | undefined, what: string): string {
  if (actor.type !== 'staff') throw forbidden();
  if (!rowOrganizationId || (actor.organizationId !== null && actor.organizationId !== rowOrganizationId)) throw notFound(what);
  return rowOrganizationId;
}
