import { z } from 'zod';
import { ROLLOUT_MODES } from './modes';

export const MAX_ALLOWLIST = 500;

/** `PATCH /api/admin/sections/{section}`: a percentage rollout names its percentage, an allowlist its organizations. */
export const switchSectionInput = z
  .object({
    section: z.string().min(1).max(100),
    mode: z.enum(ROLLOUT_MODES, `One of: ${ROLLOUT_MODES.join(', ')}.`),
    percentage: z.number('A whole number from 0 to 100.').int('A whole number from 0 to 100.').min(0, 'From 0 to 100.').max(100, 'From 0 to 100.').optional(),
    organizations: z
      .array(z.string().trim().min(1, 'An organization id.').max(100), 'A list of organization ids.')
      .max(MAX_ALLOWLIST, `At most ${MAX_ALLOWLIST} organizations.`)
      .transform((ids) => [...new Set(ids)])
      .optional(),
  })
  .superRefine((input, ctx) => {
    if (input.mode === 'percentage' && input.percentage === undefined) ctx.addIssue({ code: 'custom', path: ['percentage'], message: 'Give the percentage of organizations.' });
    if (input.mode === 'allowlist' && input.organizations === undefined) ctx.addIssue({ code: 'custom', path: ['organizations'], message: 'Give the organizations that see the section.' });
  });

export type SwitchSectionInput = z.infer<typeof switchSectionInput>;
