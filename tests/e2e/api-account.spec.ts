import { expect, test, type APIResponse } from '@playwright/test';
import { DEMO_PASSWORD, E2E_BASE_URL } from '../support/e2e-env';
import { createHandoff, newHostCustomer, signIn, urlOf } from '../support/e2e-journeys';

// The browser JSON API of /api/account, called with the portal session cookie of a signed-in page.

type Envelope<T> = { success: true; data: T } | { success: false; error: { code: string; message: string; fields?: Record<string, string> } };
type Me = {
  user: { id: string; email: string; name: string };
  organization: { id: string; externalId: string | null; name: string; plan: string };
  role: string;
  identity: 'builtin' | 'host';
};
type AuditEntry = {
  id: string;
  action: string;
  actor: { type: string; id: string | null; email: string | null };
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  createdAt: string;
};

async function data<T>(response: APIResponse, status = 200): Promise<T> {
  expect(response.status(), await response.text()).toBe(status);
  const body = (await response.json()) as Envelope<T>;
  expect(body.success).toBe(true);
  return (body as { data: T }).data;
}

async function failure(response: APIResponse, status: number, code: string) {
  expect(response.status(), await response.text()).toBe(status);
  const body = (await response.json()) as Envelope<never>;
  expect(body.success).toBe(false);
  const { error } = body as Extract<Envelope<never>, { success: false }>;
  expect(error.code).toBe(code);
  return error;
}

const sameOrigin = { Origin: E2E_BASE_URL };

test('GET /api/account/me describes the signed-in builtin user', async ({ page }) => {
  await signIn(page, 'owner@acme.example', DEMO_PASSWORD);
  await expect(page).toHaveURL(urlOf('/account'));

  const me = await data<Me>(await page.request.get('/api/account/me'));
  expect(me.user).toMatchObject({ email: 'owner@acme.example', name: 'Olivia Owner' });
  expect(me.user.id).toEqual(expect.any(String));
  expect(me.organization).toMatchObject({ externalId: 'org_acme', name: 'Acme Analytics', plan: 'pro' });
  expect(me.role).toBe('owner');
  expect(me.identity).toBe('builtin');
});

test('PATCH /api/account/profile: same-origin only, validated, audited newest first', async ({ page, request }) => {
  const customer = newHostCustomer('api-profile');
  await page.goto((await createHandoff(request, customer)).url);
  await expect(page).toHaveURL(urlOf('/account'));

  const me = await data<Me>(await page.request.get('/api/account/me'));
  expect(me).toMatchObject({ user: { email: customer.user.email, name: customer.user.name }, role: 'owner', identity: 'host' });
  expect(me.organization).toMatchObject({ externalId: customer.organization.externalId, name: customer.organization.name, plan: 'pro' });

  // A cookie-authenticated write without the portal's Origin is refused (CSRF defence).
  await failure(await page.request.patch('/api/account/profile', { data: { name: 'No Origin' } }), 403, 'forbidden');
  await failure(await page.request.patch('/api/account/profile', { headers: { Origin: 'http://evil.example' }, data: { name: 'Evil' } }), 403, 'forbidden');

  const first = await data<{ user: { id: string; email: string; name: string } }>(
    await page.request.patch('/api/account/profile', { headers: sameOrigin, data: { name: 'First Rename' } }),
  );
  expect(first.user).toEqual({ id: me.user.id, email: customer.user.email, name: 'First Rename' });
  const second = await data<{ user: { name: string } }>(await page.request.patch('/api/account/profile', { headers: sameOrigin, data: { name: 'Second Rename' } }));
  expect(second.user.name).toBe('Second Rename');

  const invalid = await failure(await page.request.patch('/api/account/profile', { headers: sameOrigin, data: { name: '' } }), 422, 'validation_failed');
  expect(invalid.fields?.name).toEqual(expect.any(String));
  await failure(
    await page.request.patch('/api/account/profile', { headers: { ...sameOrigin, 'Content-Type': 'application/json' }, data: '{"name": ' }),
    422,
    'validation_failed',
  );
  expect((await data<Me>(await page.request.get('/api/account/me'))).user.name).toBe('Second Rename');

  // The owner reads the organization's audit trail, newest first.
  const { entries } = await data<{ entries: AuditEntry[]; nextBefore: string | null }>(await page.request.get('/api/account/audit'));
  const actions = entries.map((e) => e.action);
  expect(actions.slice(0, 2)).toEqual(['account.update_profile', 'account.update_profile']);
  expect(actions).toContain('host.create_portal_session');
  expect(entries[0]).toMatchObject({
    actor: { type: 'user', id: me.user.id, email: customer.user.email },
    entityType: 'user',
    entityId: me.user.id,
    before: { name: 'First Rename' },
    after: { name: 'Second Rename' },
  });
  expect(entries[1]).toMatchObject({ before: { name: customer.user.name }, after: { name: 'First Rename' } });
  const times = entries.map((e) => Date.parse(e.createdAt));
  expect(times).toEqual([...times].sort((a, b) => b - a));

  const limited = await data<{ entries: AuditEntry[]; nextBefore: string | null }>(await page.request.get('/api/account/audit?limit=1'));
  expect(limited.entries.map((e) => e.id)).toEqual([entries[0]!.id]);
  expect(limited.nextBefore).toEqual(expect.any(String));
});

test('GET /api/account/audit is for owners and admins only', async ({ page }) => {
  await signIn(page, 'member@acme.example', DEMO_PASSWORD);
  await expect(page).toHaveURL(urlOf('/account'));
  expect((await data<Me>(await page.request.get('/api/account/me'))).role).toBe('member');
  await failure(await page.request.get('/api/account/audit'), 403, 'forbidden');
});

test('without a session the account API answers 401', async ({ request }) => {
  await failure(await request.get('/api/account/me'), 401, 'unauthorized');
  await failure(await request.get('/api/account/audit'), 401, 'unauthorized');
  await failure(await request.patch('/api/account/profile', { headers: sameOrigin, data: { name: 'Nobody' } }), 401, 'unauthorized');
});
