// How a journey becomes a staff member of the console. TEMPORARY: wt-c's stub staff session trusts a
// cookie when the portal runs with DEFLECT_STAFF_STUB=1; after wt-b's merge this signs in for real
// (staff sign-in with TOTP, or the host's staff handoff), and no journey changes.
import type { Page } from '@playwright/test';
import type { StaffRole } from '../../config/permissions';
import { E2E_BASE_URL } from './e2e-env';

export async function signInAsStaff(page: Page, role: StaffRole = 'agent'): Promise<void> {
  await page.context().addCookies([{ name: 'deflect.stub_staff', value: role, url: E2E_BASE_URL }]);
}
