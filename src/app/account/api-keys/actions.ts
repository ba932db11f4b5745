'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { createApiKey, revokeApiKey, rotateApiKey } from '@/modules/api-keys/service';
import { formObject, toFormState } from '@/platform/actions/form-action';
import { currentActor } from '@/platform/auth/current';
import type { FormState } from '@/ui/form-state';

async function context() {
  return { actor: await currentActor(), options: { headers: await headers() } };
}

/** The secret goes back to the dialog that asked, once; the list never holds it. */
export async function createKeyAction(_: FormState, formData: FormData): Promise<FormState> {
  return toFormState(async () => {
    const { actor, options } = await context();
    const { key, secret } = await createApiKey(actor, { ...formObject(formData), scopes: formData.getAll('scopes') }, options);
    revalidatePath('/account/api-keys');
    return { status: 'success', message: `Key “${key.name}” created.`, data: { secret, name: key.name } };
  });
}

export async function rotateKeyAction(_: FormState, formData: FormData): Promise<FormState> {
  return toFormState(async () => {
    const { actor, options } = await context();
    const { key, secret, previous } = await rotateApiKey(actor, formObject(formData), options);
    revalidatePath('/account/api-keys');
    return { status: 'success', message: `Key “${key.name}” rotated.`, data: { secret, name: key.name, previousExpiresAt: previous.expiresAt } };
  });
}

export async function revokeKeyAction(_: FormState, formData: FormData): Promise<FormState> {
  return toFormState(async () => {
    const { actor, options } = await context();
    const { key } = await revokeApiKey(actor, formObject(formData), options);
    revalidatePath('/account/api-keys');
    return `Key “${key.name}” revoked. It stopped working at once.`;
  });
}
