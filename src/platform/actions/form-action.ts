import { headers } from 'next/headers';
import { unstable_rethrow } from 'next/navigation';
import type { FormState } from '@/ui/form-state';
import { AppError } from '../http/errors';
import { requestIdOf } from '../http/request-meta';
import { logError } from '../logging/error-line';

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
