'use server';

import { createKey, revokeKey, rotateKey } from '@/modules/api-keys/service';
import { formAction, formObject } from '@/platform/actions/form-action';

const revalidate = ['/account/api-keys'];

/** The secret goes back to the dialog that asked, once; the list never holds it. */
export const createKeyAction = formAction(createKey, {
  input: (formData) => ({ ...formObject(formData), scopes: formData.getAll('scopes') }),
  revalidate,
  success: ({ key, secret }) => ({ status: 'success' as const, message: `Key “${key.name}” created.`, data: { secret, name: key.name } }),
});

export const rotateKeyAction = formAction(rotateKey, {
  revalidate,
  success: ({ key, secret, previous }) => ({ status: 'success' as const, message: `Key “${key.name}” rotated.`, data: { secret, name: key.name, previousExpiresAt: previous.expiresAt } }),
});

export const revokeKeyAction = formAction(revokeKey, { revalidate, success: ({ key }) => `Key “${key.name}” revoked. It stopped working at once.` });
