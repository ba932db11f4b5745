import { describe, expect, it } from 'vitest';
import { rejectionOf } from '../../../tests/support/errors';
import { seedUser, useTestDatabase } from '../../../tests/support/test-db';
import { signIn } from '../account/sign-in';
import { executeAction } from '@/platform/actions/execute';
import { getStaffAuth } from '@/platform/auth/staff-auth';
import { AppError } from '@/platform/http/errors';
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

const codeOf = async (promise: Promise<unknown>) => {
  const error = await rejectionOf(promise);
  if (!(error instanceof AppError)) throw error;
  return error.code;
};

describe('the builtin staff sign-in', () => {
  it('signs in with the password, and asks for two-factor enrolment until there is one', async () => {
    const staff = await setUpStaff();
    expect(await signInStaff({ email: staff.email, password: PASSWORD }, new Headers())).toEqual({ twoFactorRequired: false });
    expect(await codeOf(signInStaff({ email: staff.email, password: 'not-the-password' }, new Headers()))).toBe('unauthorized');
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
      expect(await codeOf(signInStaff({ email: staff.email, password: `wrong-${attempt}` }, new Headers()))).toBe('unauthorized');
    }
    expect(await codeOf(signInStaff({ email: staff.email, password: PASSWORD }, new Headers()))).toBe('rate_limited');
    // The customer's account of the same address is counted apart: a wrong password there is only wrong.
    expect(customer.email).toBe(staff.email);
    expect(await codeOf(signIn({ email: staff.email, password: 'not-the-customer-password' }, new Headers()))).toBe('unauthorized');
  });

  it('validates the form before anything else', async () => {
    const error = (await rejectionOf(signInStaff({ email: 'not-an-email', password: '' }, new Headers()))) as AppError;
    expect(error.code).toBe('validation_failed');
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['email', 'password']);
  });
});
