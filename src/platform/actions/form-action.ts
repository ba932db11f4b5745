import type { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect, unstable_rethrow } from 'next/navigation';
import type { FormState } from '@/ui/form-state';
import { currentActor, currentPerson } from '../auth/current';
import { currentStaff } from '../auth/staff-session';
import { AppError, notFound } from '../http/errors';
import { isPathOpenFor } from '../config/sections';
import { requestIdOf } from '../http/request-meta';
import { logError } from '../logging/error-line';
import type { Actor } from './actor';
import type { ActionDefinition } from './define';
import { executeAction } from './execute';
import { portalPath } from '../http/portal-path';

/** Runs a form's work; an AppError becomes the form's error state, anything else a generic one. */
export async function toFormState(work: () => Promise<FormState | string | void>): Promise<FormState> {
  try {
    const outcome = await work();
    if (typeof outcome === 'object') return outcome;
    return { status: 'success', message: outcome ?? undefined };
  } catch (error) {
    unstable_rethrow(error); // redirect() and notFound() are control flow, not failures
    if (error instanceof AppError) return { status: 'error', message: error.message, fields: error.fields };
    const requestId = await currentRequestId();
    logError('[form] unhandled error', error, requestId);
    return { status: 'error', message: `Something went wrong on our side. Please try again.${requestId ? ` (Reference: ${requestId})` : ''}` };
  }
}

/** The id our server gave the request being answered; none outside a request (a script, a test). */
async function currentRequestId(): Promise<string | null> {
  try {
    return requestIdOf(await headers());
  } catch {
    return null;
  }
}

export function formObject(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === 'string' && !key.startsWith('$')) out[key] = value;
  return out;
}

/** A path whose rendering the change made stale; `[path, 'layout']` for everything under it. */
type StalePath = string | [path: string, type: 'layout'];

export type FormOptions<R> = {
  /** The action's raw input (validated by the action); by default the form's string fields. */
  input?: (formData: FormData, actor: Actor | null) => unknown;
  /** Run as the signed-in person, member or not (accepting an invitation); by default as the member. */
  asPerson?: boolean;
  /**
   * Run as the signed-in staff member, acting on the customer the form's `organizationId` field names
   * (the action finds no row of any other); that customer's console page is rendered anew.
   */
  asStaff?: boolean;
  /** The success message (or the whole state) shown by the form. */
  success?: (result: R) => string | FormState;
  revalidate?: StalePath[];
  /** Where to go on success (a route-tree path, or another site's URL); an error stays on the page. */
  redirect?: (result: R) => string;
};

const CUSTOMER_PAGE = '/admin/customers';

/** A member's form on a page of a section not rolled out to their organization is not found, like the page. */
async function memberOf(): Promise<Actor | null> {
  const actor = await currentActor();
  const page = (await headers()).get('x-deflect-path');
  if (actor?.organizationId && page && !(await isPathOpenFor(page.split('?')[0]!, actor.organizationId))) throw notFound('Page');
  return actor;
}

async function formActor(options: Pick<FormOptions<unknown>, 'asPerson' | 'asStaff'>, formData: FormData): Promise<Actor | null> {
  if (options.asPerson) return currentPerson();
  if (!options.asStaff) return memberOf();
  const staff = await currentStaff();
  const customer = formData.get('organizationId');
  return staff && typeof customer === 'string' && customer ? { ...staff, organizationId: customer } : staff;
}

/**
 * The one way a form writes: a server action that runs `action` through `executeAction` for the
 * signed-in member (or person, or staff member) and answers the form's state. Export its result from a 'use server' file.
 */
export function formAction<S extends z.ZodType, R, P>(action: ActionDefinition<S, R, P>, options: FormOptions<R> = {}) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    let result: R | undefined;
    const state = await toFormState(async () => {
      const actor = await formActor(options, formData);
      const input = options.input ? await options.input(formData, actor) : formObject(formData);
      const done = await executeAction(actor, action, input, { headers: await headers() });
      result = done;
      const stalePaths = [...(options.revalidate ?? []), ...(options.asStaff && actor?.organizationId ? [`${CUSTOMER_PAGE}/${encodeURIComponent(actor.organizationId)}`] : [])];
      for (const stale of stalePaths) {
        if (typeof stale === 'string') revalidatePath(stale);
        else revalidatePath(...stale);
      }
      return options.success?.(done);
    });
    if (state.status === 'success' && options.redirect) redirect(portalPath(options.redirect(result as R)));
    return state;
  };
}
