'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { acceptInvitation } from '@/modules/team/service';
import { executeAction } from '@/platform/actions/execute';
import { formObject, toFormState } from '@/platform/actions/form-action';
import { currentPerson } from '@/platform/auth/current';
import type { FormState } from '@/ui/form-state';
import { portalPath } from '@/platform/http/portal-path';

export async function acceptInvitationAction(_: FormState, formData: FormData): Promise<FormState> {
  const state = await toFormState(async () => {
    await executeAction(await currentPerson(), acceptInvitation, formObject(formData), { headers: await headers() });
  });
  if (state.status === 'error') return state;
  redirect(portalPath('/account?notice=joined'));
}
