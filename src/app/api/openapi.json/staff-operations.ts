import { z } from 'zod';
import { staffRoles } from '@config/permissions';
import { inviteStaffInput, staffChangeInput, staffSessionInput } from '@/modules/staff/inputs';
import type { OperationSpec } from '@/platform/http/openapi/operation';
import { portalSessionData } from './responses';

const staffSession = { type: 'staffSession' } as const;
const staffId = { id: { description: 'The staff member’s id.' } };

const staffMember = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(staffRoles),
  status: z.enum(['active', 'invited', 'disabled']).describe('`invited`: the set-up link is unused and the host never signed them in.'),
  viaHost: z.boolean().describe('Signed in by the host’s staff tool.'),
  twoFactorEnabled: z.boolean(),
  createdAt: z.iso.datetime(),
});
const staffData = z.object({ staff: staffMember });

/** The host's staff handoff and the console's staff management. */
export const staffOperations: OperationSpec[] = [
  {
    method: 'post',
    path: '/api/v1/staff-sessions',
    tag: 'Host: sign-in handoff',
    summary: 'Create a staff console session for a support person of the host',
    description:
      'Creates the staff member when missing (or links one with that email); `role` and `name` are the host’s word each time. A staff member is never a customer member. `path` must be a relative `/admin…` path. The URL is single-use and expires after 5 minutes; following it sets the staff session cookie and redirects to `path` (default `/admin`). A staff member a lead disabled is refused.',
    auth: { type: 'serverSecret' },
    body: { schema: staffSessionInput },
    success: { status: 201, description: 'A single-use sign-in URL.', data: portalSessionData },
    errors: ['forbidden', 'conflict', 'rate_limited'],
  },
  {
    method: 'get',
    path: '/api/admin/staff',
    tag: 'Staff console',
    summary: 'The support team',
    description: 'Lead only.',
    auth: staffSession,
    success: { status: 200, description: 'Every staff member, oldest first.', data: z.object({ staff: z.array(staffMember) }) },
    errors: ['forbidden'],
  },
  {
    method: 'post',
    path: '/api/admin/staff',
    tag: 'Staff console',
    summary: 'Add a staff member',
    description: 'Lead only. `setupUrl` is shown only in this answer: a one-time link (3 days) where they choose a password and enrol TOTP.',
    auth: staffSession,
    body: { schema: inviteStaffInput },
    success: { status: 201, description: 'The staff member and their set-up link.', data: staffData.extend({ setupUrl: z.url(), setupExpiresAt: z.iso.datetime() }) },
    errors: ['conflict'],
  },
  {
    method: 'patch',
    path: '/api/admin/staff/{id}',
    tag: 'Staff console',
    summary: 'Change a staff member’s role, or disable or enable their sign-in',
    description: 'Lead only, never on oneself. Disabling ends their sessions at once.',
    auth: staffSession,
    pathParams: staffId,
    body: { schema: staffChangeInput },
    success: { status: 200, description: 'The staff member.', data: staffData },
    errors: ['not_found'],
  },
  {
    method: 'delete',
    path: '/api/admin/staff/{id}',
    tag: 'Staff console',
    summary: 'Remove a staff member',
    description: 'Lead only, never oneself. Their past actions stay in the audit log.',
    auth: staffSession,
    pathParams: staffId,
    success: { status: 200, description: 'The staff member as they were.', data: staffData },
    errors: ['not_found'],
  },
];
