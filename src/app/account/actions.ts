'use server';

import {
  changeEmail,
  changePassword,
  disableTwoFactor,
  enableTwoFactor,
  revokeOtherSessions,
  revokeSession,
  updateProfile,
  verifyTwoFactor,
} from '@/modules/account/actions';
import { formAction } from '@/platform/actions/form-action';

export const updateProfileAction = formAction(updateProfile, { revalidate: [['/account', 'layout']], success: () => 'Your name was saved.' });

export const changeEmailAction = formAction(changeEmail, {
  success: ({ pendingEmail }) => `We sent a confirmation link to ${pendingEmail}. Your email changes when you follow it.`,
});

// Changing the password and switching two-factor make Better Auth replace the session; the
// re-render reads the new cookie from the jar (platform/auth/current.ts), so no reload is needed.
export const changePasswordAction = formAction(changePassword, { revalidate: ['/account'], success: () => 'Your password was changed and your other sessions were signed out.' });

export const startTwoFactorAction = formAction(enableTwoFactor, { success: (enrolment) => ({ status: 'success' as const, data: enrolment }) });

export const verifyTwoFactorAction = formAction(verifyTwoFactor, { revalidate: ['/account'], success: () => 'Two-factor authentication is on.' });

export const disableTwoFactorAction = formAction(disableTwoFactor, { revalidate: ['/account'], success: () => 'Two-factor authentication is off.' });

export const revokeSessionAction = formAction(revokeSession, { revalidate: ['/account'], success: () => 'That session was signed out.' });

export const revokeOtherSessionsAction = formAction(revokeOtherSessions, {
  revalidate: ['/account'],
  success: ({ revoked }) => `${revoked} other session${revoked === 1 ? ' was' : 's were'} signed out.`,
});
