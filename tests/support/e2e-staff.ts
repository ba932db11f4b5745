// Steps of the staff console's journeys, done as a support person (or the host's staff tool) does them.
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { authenticatorFrom, freshCode } from './e2e-totp';
import { E2E_SERVER_SECRET } from './e2e-env';
import { uniqueId } from './e2e-journeys';
import type * as OTPAuth from 'otpauth';

export type StaffHandoffRequest = { staff: { externalId: string; email: string; name?: string }; role: 'agent' | 'lead'; path?: string };

export function newHostStaff(role: 'agent' | 'lead', path?: string): StaffHandoffRequest {
  const id = uniqueId();
  return { staff: { externalId: `staff_${id}`, email: `e2e-staff-${id}@vendor.example`, name: `Sasha Staff ${id}` }, role, ...(path ? { path } : {}) };
}

/** The host's staff tool asking for a console link: POST /api/v1/staff-sessions. */
export async function createStaffHandoff(request: APIRequestContext, body: StaffHandoffRequest): Promise<{ url: string; expiresAt: string }> {
  const response = await request.post('/api/v1/staff-sessions', { headers: { Authorization: `Bearer ${E2E_SERVER_SECRET}` }, data: body });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { data: { url: string; expiresAt: string } }).data;
}

/** Signs `page` into the console through the handoff, as a new staff member of `role`. */
export async function staffHandoffSignIn(page: Page, role: 'agent' | 'lead', path = '/admin/staff'): Promise<StaffHandoffRequest> {
  const staff = newHostStaff(role, path);
  await page.goto((await createStaffHandoff(page.request, staff)).url);
  return staff;
}

/** On the TOTP step of an enrolment: reads the key from the page, proves it, and returns the authenticator. */
export async function finishEnrolment(page: Page): Promise<OTPAuth.TOTP> {
  await expect(page.getByText('Save your backup codes now.')).toBeVisible();
  const authenticator = authenticatorFrom((await page.getByRole('link', { name: 'this link' }).getAttribute('href'))!);
  await page.getByLabel('Authentication code').fill(await freshCode(authenticator));
  await page.getByRole('button', { name: 'Turn on two-factor and continue' }).click();
  return authenticator;
}

/** Follows a set-up link: name and password, up to the TOTP step. */
export async function followSetUpLink(page: Page, link: string, name: string, password: string): Promise<void> {
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Set up your staff account' })).toBeVisible();
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Confirm password').fill(password);
  await page.getByRole('button', { name: 'Set password and continue' }).click();
}

export async function fillStaffSignIn(page: Page, email: string, password: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Staff sign-in' })).toBeVisible();
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs `page` into the console as a new staff member of `role`, through the host's staff handoff, landing on the customer search. */
export async function signInAsStaff(page: Page, role: 'agent' | 'lead' = 'agent'): Promise<void> {
  await staffHandoffSignIn(page, role, '/admin');
}
