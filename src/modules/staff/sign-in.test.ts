import { describe, expect, it } from 'vitest';
import { appErrorCodeOf, rejectionOf } from '../../../tests/support/errors';
import { seedUser, useTestDatabase } from '../../../tests/support/test-db';
import { assertSignInAllowed } from '../account/service';
import { executeAction } from '@/platform/actions/execute';
import { getStaffAuth } from '@/platform/auth/staff-auth';
import type { AppError } from '@/platform/http/errors';
import { inviteStaff, updateStaff } from './actions';
import { signInStaff } from './sign-in';

const t = useTestDatabase();
const system = { type: 'system', organizationId: null } as const;
const PASSWORD = 'the-right-staff-password';

let seq = 0;
/** A builtin staff member who has used their set-up link: a password, no two-factor yet. */
async function setUpStaff(role: 'agent' | 'lead' = 'agent') {
  const email = `signin-${++seq}-${Date.now()}@vendor.example`;
  const { staff, setupUrl } = await executeAction(system, inviteStaff, { email, role });
  await (await getStaffAuth()).api.resetPassword({ body: { token: new URL(setupUrl).searchParams.get('token')!, newPassword: PASSWORD } });
  return staff;
}

describe('the builtin staff sign-in', () => {
  it('signs in with the password, and asks for two-factor enrolment until there is one', async () => {
    const staff = await setUpStaff();
    expect(await signInStaff({ email: staff.email, password: PASSWORD }, new Headers())).toEqual({ twoFactorRequired: false });
    expect(await appErrorCodeOf(signInStaff({ email: staff.email, password: 'not-the-password' }, new Headers()))).toBe('unauthorized');
  });

  it('refuses a disabled staff member as it refuses a wrong password, whatever the password', async () => {
    const staff = await setUpStaff();
    await executeAction(system, updateStaff, { id: staff.id, disabled: true });
    const error = await rejectionOf(signInStaff({ email: staff.email, password: PASSWORD }, new Headers()));
    expect(error).toMatchObject({ code: 'unauthorized', message: 'That email and password do not match.' });
  });

  it('locks a staff account after ten wrong passwords, even for the right one, but not a customer account of the same address', async () => {
    const staff = await setUpStaff();
    const customer = await seedUser(t.db, { email: staff.email });
    for (let attempt = 0; attempt < 10; attempt++) {
      expect(await appErrorCodeOf(signInStaff({ email: staff.email, password: `wrong-${attempt}` }, new Headers()))).toBe('unauthorized');
    }
    expect(await appErrorCodeOf(signInStaff({ email: staff.email, password: PASSWORD }, new Headers()))).toBe('rate_limited');
    // A customer account of the same address is counted apart: its sign-in is not locked.
    expect(customer.email).toBe(staff.email);
    await expect(assertSignInAllowed('another-address', customer.email)).resolves.toBeUndefined();
  });

  it('validates the form before anything else', async () => {
    const error = (await rejectionOf(signInStaff({ email: 'not-an-email', password: '' }, new Headers()))) as AppError;
    expect(error.code).toBe('validation_failed');
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['email', 'password']);
  });
});
