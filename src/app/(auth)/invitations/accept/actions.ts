'use server';

import { acceptInvitation } from '@/modules/team/service';
import { formAction } from '@/platform/actions/form-action';

export const acceptInvitationAction = formAction(acceptInvitation, { asPerson: true, redirect: () => '/account?notice=joined' });
