import { z } from 'zod';
import { ROLLOUT_MODES, switchSectionInput } from '@/modules/rollout/service';
import type { OperationSpec } from '@/platform/http/openapi/operation';

const time = z.string().describe('ISO 8601, UTC.');
const rollout = z.object({
  section: z.string(),
  label: z.string(),
  mode: z.enum(ROLLOUT_MODES),
  percentage: z.number().int().describe('Of organizations, by a stable hash of the organization id (mode `percentage`).'),
  organizations: z.array(z.string()).describe('Organization ids (mode `allowlist`).'),
  launchedAt: time.nullable().describe('The first switch that showed the section to customers.'),
  updatedAt: time.nullable(),
  forcedOff: z.boolean().describe('DISABLED_SECTIONS switches the section off for everyone, whatever its rollout.'),
});

/** Which customers see each portal section: switched in the staff console. */
export const rolloutOperations: OperationSpec[] = [
  {
    method: 'get',
    path: '/api/admin/sections',
    tag: 'Staff console',
    summary: 'Each portal section’s rollout',
    description: 'Lead only. Every section but Account (never off); a section never switched is `on`.',
    auth: { type: 'staffSession' },
    success: { status: 200, description: 'The sections.', data: z.object({ sections: z.array(rollout) }) },
    errors: ['forbidden'],
  },
  {
    method: 'patch',
    path: '/api/admin/sections/{section}',
    tag: 'Staff console',
    summary: 'Switch who sees a portal section',
    description:
      'Lead only. `percentage` is required for mode `percentage`, `organizations` (existing organization ids) for `allowlist`; either, when not given, is kept from the last rule. The first switch that shows the section to any customer records `launchedAt`. Customers of an organization the section is off for find it gone from the navigation, and its pages and JSON routes answer 404.',
    auth: { type: 'staffSession' },
    pathParams: { section: { description: 'The section id, e.g. `team`.' } },
    body: { schema: switchSectionInput, fromPath: ['section'] },
    success: { status: 200, description: 'The section’s rollout.', data: z.object({ rollout }) },
    errors: ['forbidden', 'not_found'],
  },
];
