import { z } from 'zod';
import { apiKeyScopeNames, gracePeriods, type GracePeriod } from '@config/api-keys';

const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

/** A date from a date picker (`2027-01-31`, the end of that day in UTC) or a full ISO time. */
const futureTime = z.preprocess(
  emptyToUndefined,
  z
    .union([z.iso.date().transform((d) => new Date(`${d}T23:59:59.999Z`)), z.iso.datetime({ offset: true }).transform((t) => new Date(t))], {
      error: 'Enter a date such as 2027-01-31.',
    })
    .refine((d) => d.getTime() > Date.now(), 'The expiry date must be in the future.')
    .optional(),
);

const scope = z.enum(apiKeyScopeNames, { error: `Unknown scope. Choose from: ${apiKeyScopeNames.join(', ')}.` });

export const createKeyInput = z.object({
  name: z.string({ error: 'Give the key a name.' }).trim().min(1, 'Give the key a name.').max(100, 'Keep the name under 100 characters.'),
  scopes: z.preprocess(
    (v) => (typeof v === 'string' ? [v] : v ?? []),
    z.array(scope).min(1, 'Choose at least one scope.').transform((s) => [...new Set(s)]),
  ),
  expiresAt: futureTime,
});

const keyId = z.string().trim().min(1).max(100);
const gracePeriodNames = Object.keys(gracePeriods) as [GracePeriod, ...GracePeriod[]];

export const keyIdInput = z.object({ keyId });
export const rotateKeyInput = z.object({
  keyId,
  gracePeriod: z.enum(gracePeriodNames, { error: `Choose a grace period: ${gracePeriodNames.join(', ')}.` }),
});

export const verifyKeyInput = z.object({
  key: z.string({ error: 'Send the key as a string.' }),
  scope: z.string().max(100).optional(),
});
