import { expect, test } from '@playwright/test';
import { E2E_BASE_URL, E2E_HOST_SECURITY_URL, E2E_SERVER_SECRET } from '../support/e2e-env';
import { createHandoff, newBuiltinAccount, newHostCustomer, signIn, submitSignUp, urlOf } from '../support/e2e-journeys';
import { latestMail, linkIn } from '../support/e2e-mail';
import { hostileRedirects } from '../support/redirect-corpus';

// The host product signs its user into the portal with a single-use link (like Stripe's billing portal).

type ErrorEnvelope = { success: false; error: { code: string; message: string; fields?: Record<string, string> } };

test('a handoff link signs a new customer in once, on the requested page', async ({ page, request, browser }) => {
  const customer = newHostCustomer('handoff');
  const { url, expiresAt } = await createHandoff(request, { ...customer, path: '/account/activity' });
  expect(url).toMatch(/\/api\/auth\/handoff\?token=/);
  const ttl = Date.parse(expiresAt) - Date.now();
  expect(ttl).toBeGreaterThan(4 * 60_000);
  expect(ttl).toBeLessThanOrEqual(5 * 60_000);

  // The first member of a new organization is its owner, so Activity is open to them.
  await page.goto(url);
  await expect(page).toHaveURL(urlOf('/account/activity'));
  await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: customer.organization.name })).toBeVisible();
  await expect(page.getByText(`${customer.user.email} · owner`)).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'host.create_portal_session' })).toHaveCount(1);

  // Host users manage sign-in at the host: no password or two-factor cards here.
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Account' }).click();
  await expect(page).toHaveURL(urlOf('/account'));
  await expect(page.getByRole('heading', { name: 'Sign-in and security' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Manage sign-in and security' })).toHaveAttribute('href', E2E_HOST_SECURITY_URL);
  await expect(page.getByRole('region', { name: 'Password' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Two-factor authentication' })).toHaveCount(0);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(customer.user.name!);

  // The same link a second time, in a fresh browser: expired, and nobody is signed in.
  const context = await browser.newContext();
  try {
    const replay = await context.newPage();
    await replay.goto(url);
    await expect(replay).toHaveURL(urlOf('/handoff-expired'));
    await expect(replay.getByRole('heading', { name: 'This sign-in link has expired' })).toBeVisible();
    expect((await context.cookies()).filter((c) => c.name.includes('session_token'))).toEqual([]);
    await replay.goto('/account');
    await expect(replay).toHaveURL(urlOf('/sign-in?next=%2Faccount'));
  } finally {
    await context.close();
  }
});

test('a handoff without a path lands on /account; a later role is ignored for an existing member', async ({ page, request }) => {
  const customer = newHostCustomer('handoff-member');
  // Someone else made the organization first, so this person joins as the requested role.
  await createHandoff(request, { ...newHostCustomer('handoff-first'), organization: customer.organization });
  const first = await createHandoff(request, { ...customer, role: 'member' });

  await page.goto(first.url);
  await expect(page).toHaveURL(urlOf('/account'));
  await expect(page.getByRole('link', { name: customer.organization.name })).toBeVisible();
  await expect(page.getByText(`${customer.user.email} · member`)).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Activity' })).toHaveCount(0);

  // `role` applies only when the membership is created; the portal's membership is the truth after that.
  const again = await createHandoff(request, { ...customer, role: 'admin' });
  await page.goto(again.url);
  await expect(page).toHaveURL(urlOf('/account'));
  await expect(page.getByText(`${customer.user.email} · member`)).toBeVisible();
});

test('the portal-sessions API refuses a wrong secret, malformed JSON and an oversized body', async ({ request }) => {
  const body = newHostCustomer('handoff-api');

  const wrongSecret = await request.post('/api/v1/portal-sessions', {
    headers: { Authorization: `Bearer ${E2E_SERVER_SECRET}-wrong` },
    data: body,
  });
  expect(wrongSecret.status()).toBe(401);
  expect(((await wrongSecret.json()) as ErrorEnvelope).error.code).toBe('unauthorized');

  const noSecret = await request.post('/api/v1/portal-sessions', { data: body });
  expect(noSecret.status()).toBe(401);

  const malformed = await request.post('/api/v1/portal-sessions', {
    headers: { Authorization: `Bearer ${E2E_SERVER_SECRET}`, 'Content-Type': 'application/json' },
    data: '{"user": {"externalId": ',
  });
  expect(malformed.status()).toBe(422);
  const malformedJson = (await malformed.json()) as ErrorEnvelope;
  expect(malformedJson.success).toBe(false);
  expect(malformedJson.error.code).toBe('validation_failed');

  const invalid = await request.post('/api/v1/portal-sessions', {
    headers: { Authorization: `Bearer ${E2E_SERVER_SECRET}` },
    data: { ...body, path: 'https://evil.example/account' },
  });
  expect(invalid.status()).toBe(422);
  expect(((await invalid.json()) as ErrorEnvelope).error.fields).toHaveProperty('path');

  const oversized = await request.post('/api/v1/portal-sessions', {
    headers: { Authorization: `Bearer ${E2E_SERVER_SECRET}`, 'Content-Type': 'application/json' },
    data: JSON.stringify({ ...body, padding: 'x'.repeat(65 * 1024) }),
  });
  expect(oversized.status()).toBe(413);
  expect(((await oversized.json()) as ErrorEnvelope).error.code).toBe('payload_too_large');
});

test('a handoff path is resolved like next=: every bypass shape is a 422 on path, a good one lands exactly there', async ({ page, request }) => {
  const customer = newHostCustomer('handoff-path');
  const origin = new URL(E2E_BASE_URL).origin;
  for (const path of hostileRedirects(origin)) {
    const response = await request.post('/api/v1/portal-sessions', { headers: { Authorization: `Bearer ${E2E_SERVER_SECRET}` }, data: { ...customer, path } });
    expect.soft(response.status(), `path ${JSON.stringify(path)}`).toBe(422);
    const json = (await response.json()) as ErrorEnvelope;
    expect.soft(json.error?.code, `path ${JSON.stringify(path)}`).toBe('validation_failed');
    expect.soft(Object.keys(json.error?.fields ?? {}), `path ${JSON.stringify(path)}`).toEqual(['path']);
  }

  const { url } = await createHandoff(request, { ...customer, path: '/account/x/../team?x=1#y' });
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Team', level: 1 })).toBeVisible();
  expect(page.url()).toBe(`${origin}/account/team?x=1#y`);
});

test('pre-hijack: an unverified sign-up with the host user\'s address loses to the handoff, before and after the verification click', async ({ browser, request }) => {
  const attacker = await browser.newContext();
  const victim = await browser.newContext();
  try {
    // Someone signs up with an address they do not own; the verification mail goes to its owner.
    const squatter = newBuiltinAccount('victim');
    const attackerPage = await attacker.newPage();
    await submitSignUp(attackerPage, squatter);

    // The owner arrives through the host product with that address.
    const host = newHostCustomer('victim-host');
    const { url } = await createHandoff(request, { ...host, user: { ...host.user, email: squatter.email } });

    await signIn(attackerPage, squatter.email, squatter.password);
    await expect(attackerPage.getByText('That email and password do not match.')).toBeVisible();

    // The owner clicks the old verification mail: it signs nobody in, and the password stays useless.
    const victimPage = await victim.newPage();
    await victimPage.goto(linkIn(await latestMail(squatter.email, 'Verify your email address'), '/api/auth/verify-email'));
    await expect(victimPage).toHaveURL(urlOf('/sign-in?next=%2Faccount'));
    expect((await victim.cookies()).filter((c) => c.name.includes('session_token'))).toEqual([]);
    await signIn(attackerPage, squatter.email, squatter.password);
    await expect(attackerPage.getByText('That email and password do not match.')).toBeVisible();
    await attackerPage.goto('/account');
    await expect(attackerPage).toHaveURL(urlOf('/sign-in?next=%2Faccount'));

    // The handoff lands the owner in the host's organization, not in the one the sign-up made.
    await victimPage.goto(url);
    await expect(victimPage).toHaveURL(urlOf('/account'));
    await expect(victimPage.getByRole('link', { name: host.organization.name })).toBeVisible();
    await expect(victimPage.getByText(`${squatter.email} · owner`)).toBeVisible();
    await expect(victimPage.getByLabel('Name', { exact: true })).toHaveValue(host.user.name!);
    await expect(victimPage.getByRole('region', { name: 'Password' })).toHaveCount(0);
  } finally {
    await attacker.close();
    await victim.close();
  }
});
