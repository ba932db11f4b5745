'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { switchSection } from '@/modules/rollout/service';
import type { SwitchChange } from '@/modules/rollout/ui/rollout-editor';
import { executeAction } from '@/platform/actions/execute';
import { toFormState } from '@/platform/actions/form-action';
import { currentStaff } from '@/platform/auth/staff-session';
import type { FormState } from '@/ui/form-state';

/** A lead's switch from the rollout page (the action checks the role and the input). */
export async function switchSectionAction(section: string, change: SwitchChange): Promise<FormState> {
  return toFormState(async () => {
    const { rollout } = await executeAction(await currentStaff(), switchSection, { ...change, section }, { headers: await headers() });
    revalidatePath('/admin/rollout');
    return `${rollout.label} is now ${rollout.mode === 'percentage' ? `shown to ${rollout.percentage} % of organizations` : rollout.mode === 'allowlist' ? `shown to ${rollout.organizations.length} listed organization(s)` : rollout.mode}.`;
  });
}
