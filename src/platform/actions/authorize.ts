import { can, isPermission, isStaffPermission, staffCan } from '@config/permissions';
import { forbidden } from '../http/errors';
import type { Actor } from './actor';

/** What a read or a write declares about who may run it. */
export type Guard = {
  /** The permission key of config/permissions.ts (or `host.*`/`system.*`: the host and Deflect only). */
  name: string;
  /** Any signed-in person may run it, member or not (its own rules decide); skips the role matrix. */
  openToSignedInPeople?: boolean;
  /** An API key holding this scope may run it, for its own organization only. */
  apiKeyScope?: string;
};

/**
 * The one authorization of the pipeline: `executeAction` and `executeQuery` both ask it, so a read
 * and a write with the same permission key are refused to the same actors.
 */
export function authorize(actor: Actor, guard: Guard): void {
  if (actor.type === 'host' || actor.type === 'system') return; // they act for every organization
  if (actor.type === 'api_key') {
    if (guard.apiKeyScope === undefined || !actor.scopes.includes(guard.apiKeyScope)) throw forbidden('This API key lacks the scope this needs.');
    return;
  }
  if (actor.type === 'staff') {
    // Only the console's own actions, each as far as the staff role allows: never a customer's.
    if (!isStaffPermission(guard.name) || !staffCan(actor.role, guard.name)) throw forbidden();
    return;
  }
  if (guard.openToSignedInPeople) return;
  if (actor.type === 'person' || !isPermission(guard.name) || !can(actor.role, guard.name)) throw forbidden();
}

/** Whether `authorize` lets the actor through: for what a screen offers, never instead of the check itself. */
export function permits(actor: Actor, guard: Guard | Guard['name']): boolean {
  try {
    authorize(actor, typeof guard === 'string' ? { name: guard } : guard);
    return true;
  } catch {
    return false;
  }
}
