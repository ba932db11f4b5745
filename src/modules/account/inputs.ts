import { z } from 'zod';

export const password = z.string().min(10, 'Use at least 10 characters.').max(128, 'Use at most 128 characters.');
export const email = z.email('Enter a valid email address.').max(320).transform((e) => e.trim().toLowerCase());
export const personName = z.string().trim().min(1, 'Enter your name.').max(100, 'Use at most 100 characters.');
export const totpCode = z.string().trim().regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app.');

export const profileInput = z.object({ name: personName });
export const changeEmailInput = z.object({ newEmail: email });
export const changePasswordInput = z
  .object({ currentPassword: z.string().min(1, 'Enter your current password.'), newPassword: password, confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'The passwords do not match.' });
export const passwordOnlyInput = z.object({ password: z.string().min(1, 'Enter your password.') });
export const verifyTwoFactorInput = z.object({ code: totpCode });
export const revokeSessionInput = z.object({ sessionId: z.string().min(1) });
export const noInput = z.object({}).optional();

export const signInInput = z.object({ email, password: z.string().min(1, 'Enter your password.') });
export const signUpInput = z
  .object({
    name: personName,
    email,
    password,
    organizationName: z.string().trim().max(200).optional(),
    /** The token of the invitation being answered: the person joins that organization instead. */
    invitation: z.string().max(200).optional(),
  })
  .refine((v) => v.invitation || v.organizationName, { path: ['organizationName'], message: 'Enter your organization name.' });
export const requestResetInput = z.object({ email });
export const resetPasswordInput = z
  .object({ token: z.string().min(1), newPassword: password, confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'The passwords do not match.' });
export const twoFactorChallengeInput = z.object({ code: z.string().trim().min(6).max(20), method: z.enum(['totp', 'backup']) });
