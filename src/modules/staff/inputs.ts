import { z } from 'zod';
import { staffRoles } from '@config/permissions';
import { redirectPath } from '@/platform/http/redirect-path';
import { redirectPrefixes } from '@/platform/http/redirect-target';
import { email, password, personName } from '../account/service';

/** A staff handoff's landing page: resolved like the customer handoff's `path`, but under /admin. */
export const adminPath = redirectPath(redirectPrefixes().staff, 'Must be a relative /admin path on the portal, without control characters or backslashes.');

export const staffRole = z.enum(staffRoles, 'Choose agent or lead.');

export const staffSessionInput = z.object({
  staff: z.object({
    externalId: z.string().trim().min(1).max(200),
    email,
    name: z.string().trim().min(1).max(200).optional(),
  }),
  role: staffRole,
  path: adminPath.optional(),
});

export const inviteStaffInput = z.object({ email, role: staffRole, name: personName.optional() });

export const staffIdInput = z.object({ id: z.string().min(1).max(100) });

const staffChange = { role: staffRole.optional(), disabled: z.boolean().optional() };
const someChange = (v: { role?: unknown; disabled?: unknown }) => v.role !== undefined || v.disabled !== undefined;
const noChange = { path: ['role'], message: 'Give a new role or whether sign-in is disabled.' };

/** The body of PATCH /api/admin/staff/{id}. */
export const staffChangeInput = z.object(staffChange).refine(someChange, noChange);
export const updateStaffInput = staffIdInput.extend(staffChange).refine(someChange, noChange);

export const setUpInput = z
  .object({ token: z.string().min(1).max(200), name: personName, newPassword: password, confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'The passwords do not match.' });
