import { z } from 'zod';
import { roles } from '@config/permissions';
import { plans } from '@config/plans';
import { redirectPath } from '@/platform/http/redirect-path';
import { redirectPrefixes } from '@/platform/http/redirect-target';

const externalId = z.string().trim().min(1).max(200);

/** A handoff's landing page: resolved like `next=`, stored normalized, never another host. */
export const accountPath = redirectPath(redirectPrefixes().handoff, 'Must be a relative /account path on the portal, without control characters or backslashes.');

export const portalSessionInput = z.object({
  user: z.object({
    externalId,
    email: z.email().max(320).transform((e) => e.toLowerCase()),
    name: z.string().trim().min(1).max(200).optional(),
  }),
  organization: z.object({
    externalId,
    name: z.string().trim().min(1).max(200).optional(),
    plan: z.enum(plans).optional(),
  }),
  role: z.enum(roles).optional(),
  path: accountPath.optional(),
});

export const contractInput = z.object({
  terms: z.string().trim().min(1).max(2000),
  renewalDate: z.iso.date(),
  amount: z.number().int().nonnegative(),
  currency: z.string().regex(/^[a-z]{3}$/, 'A lowercase ISO currency code, e.g. "eur".'),
});

export const organizationUpsertInput = z.object({
  externalId,
  name: z.string().trim().min(1).max(200).optional(),
  plan: z.enum(plans).optional(),
  stripeCustomerId: z.string().regex(/^cus_[A-Za-z0-9]+$/, 'A Stripe customer id, e.g. "cus_123".').nullable().optional(),
  billing: z.enum(['stripe', 'contract']).nullable().optional(),
  contract: contractInput.nullable().optional(),
});

export const signUpOrganizationInput = z.object({
  userId: z.string().min(1),
  name: z.string().trim().min(1, 'Enter your organization name.').max(200),
});
