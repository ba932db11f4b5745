import { expect, test, type APIRequestContext, type APIResponse, type Page } from '@playwright/test';
import { DEMO_PASSWORD, E2E_BASE_URL, E2E_SERVER_SECRET } from '../support/e2e-env';
import { signIn, signUpAndVerify, takeNewKeySecret, urlOf } from '../support/e2e-journeys';

type Verified = { valid: boolean; reason?: string; scopes?: string[]; organization?: { id: string } };

/** The host product's backend checking a key, as it would on each of its API calls. */
async function verify(request: APIRequestContext, key: string, scope?: string): Promise<Verified> {
  const response = await request.post('/api/v1/keys/verify', { headers: { Authorization: `Bearer ${E2E_SERVER_SECRET}` }, data: { key, scope } });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { data: Verified }).data;
}

function row(page: Page, text: string) {
  return page.getByRole('row').filter({ hasText: text });
}

test('an owner creates a key, copies it once, rotates it with a grace period and revokes it', async ({ page }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: E2E_BASE_URL });
  await signUpAndVerify(page, 'keys-owner');
  await page.getByRole('link', { name: 'API keys' }).click();
  await expect(page.getByRole('heading', { name: 'API keys', level: 1 })).toBeVisible();
  await expect(page.getByText('No API keys yet')).toBeVisible();

  // Create: a name, scopes with their descriptions, no expiry.
  await page.getByRole('button', { name: 'Create key' }).click();
  const form = page.getByRole('dialog', { name: 'Create an API key' });
  await form.getByLabel('Name').fill('Production server');
  await expect(form.getByText('Report usage events (POST /api/v1/usage-events).')).toBeVisible();
  await form.getByRole('checkbox', { name: /usage:write/ }).check();
  await form.getByRole('button', { name: 'Create key' }).click();
  const first = await takeNewKeySecret(page, /Copy your new key “Production server”/);

  await expect(row(page, first.slice(0, 17))).toContainText('Production server');
  await expect(row(page, first.slice(0, 17))).toContainText('Active');
  await expect(row(page, first.slice(0, 17))).toContainText('usage:write');
  expect(await verify(page.request, first, 'usage:write')).toMatchObject({ valid: true, scopes: ['read', 'usage:write'] });
  expect(await verify(page.request, first, 'admin')).toEqual({ valid: false, reason: 'insufficient_scope' });

  // Shown once: after a reload the page holds only the prefix.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'API keys', level: 1 })).toBeVisible();
  expect(await page.content()).not.toContain(first);

  // Rotate with a one-hour grace period: a new secret, and the old key keeps working meanwhile.
  await page.getByRole('button', { name: 'Rotate Production server' }).click();
  const rotate = page.getByRole('dialog', { name: 'Rotate “Production server”' });
  await rotate.getByLabel('In 1 hour').check();
  await rotate.getByRole('button', { name: 'Rotate key' }).click();
  await expect(page.getByText(/The old key keeps working until .* UTC/)).toBeVisible();
  const second = await takeNewKeySecret(page, /Copy your new key “Production server”/);
  expect(second).not.toBe(first);
  await expect(row(page, first.slice(0, 17))).toContainText(/Expiring\s*at /);
  await expect(row(page, second.slice(0, 17))).toContainText('Active');
  expect(await verify(page.request, first)).toMatchObject({ valid: true });
  expect(await verify(page.request, second)).toMatchObject({ valid: true });
  await expect(page.getByRole('button', { name: 'Rotate Production server' })).toHaveCount(1); // only the new key rotates again

  // Revoke the old key before its grace period ends: asked to confirm, then refused at once.
  await row(page, first.slice(0, 17)).getByRole('button', { name: 'Revoke Production server' }).click();
  const confirm = page.getByRole('dialog', { name: 'Revoke “Production server”?' });
  await expect(confirm).toContainText(`Anything using ${first.slice(0, 17)}… stops working at once.`);
  await confirm.getByRole('button', { name: 'Revoke key' }).click();
  await expect(page.getByText('Key “Production server” revoked. It stopped working at once.')).toBeVisible();
  await expect(row(page, first.slice(0, 17))).toContainText('Revoked');
  expect(await verify(page.request, first)).toEqual({ valid: false, reason: 'revoked' });
  expect(await verify(page.request, second)).toMatchObject({ valid: true });
});

test('the create form explains what is wrong and keeps what was typed', async ({ page }) => {
  await signUpAndVerify(page, 'keys-errors');
  await page.goto('/account/api-keys');
  await page.getByRole('button', { name: 'Create key' }).click();
  const form = page.getByRole('dialog', { name: 'Create an API key' });
  await form.getByRole('checkbox', { name: /^read/ }).uncheck();
  await form.getByLabel('Name').fill('   ');
  await form.getByLabel('Expires on (optional)').fill('2031-05-17');
  await form.getByRole('button', { name: 'Create key' }).click();
  await expect(form.getByText('Give the key a name.')).toBeVisible();
  await expect(form.getByText('Choose at least one scope.')).toBeVisible();
  await expect(form.getByLabel('Expires on (optional)')).toHaveValue('2031-05-17');

  // Fixed, it goes through, with the chosen expiry date.
  await form.getByLabel('Name').fill('Nightly export');
  await form.getByRole('checkbox', { name: /^write/ }).check();
  await form.getByRole('button', { name: 'Create key' }).click();
  await page.getByRole('dialog', { name: /Copy your new key “Nightly export”/ }).getByRole('button', { name: 'I have copied it' }).click();
  await expect(row(page, 'Nightly export')).toContainText('17 May 2031');
  await expect(row(page, 'Nightly export')).toContainText('write');
});

test('a member creates keys only with the scopes their role grants; a viewer has no API keys section', async ({ page, browser }) => {
  await signIn(page, 'member@acme.example', DEMO_PASSWORD);
  await expect(page).toHaveURL(urlOf('/account'));
  await page.getByRole('link', { name: 'API keys' }).click();
  await page.getByRole('button', { name: 'Create key' }).click();
  const form = page.getByRole('dialog', { name: 'Create an API key' });
  await expect(form.getByRole('checkbox', { name: /usage:write/ })).toBeVisible();
  await expect(form.getByRole('checkbox', { name: /admin/ })).toHaveCount(0);
  await form.getByLabel('Name').fill(`Member laptop ${Date.now()}`);
  await form.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByRole('dialog', { name: /Copy your new key/ })).toBeVisible();

  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await signIn(viewer, 'viewer@acme.example', DEMO_PASSWORD);
  await expect(viewer).toHaveURL(urlOf('/account'));
  await expect(viewer.getByRole('link', { name: 'API keys' })).toHaveCount(0);
  await viewer.goto('/account/api-keys');
  await expect(viewer.getByText('API keys are managed by your developers')).toBeVisible();
  await expect(viewer.getByRole('button', { name: 'Create key' })).toHaveCount(0);
  expect((await viewer.request.get('/api/account/api-keys')).status()).toBe(403);
  await viewerContext.close();
});

async function data<T>(response: APIResponse, status = 200): Promise<T> {
  expect(response.status(), await response.text()).toBe(status);
  return ((await response.json()) as { data: T }).data;
}

async function errorOf(response: APIResponse, status: number): Promise<{ code: string; message: string; fields?: Record<string, string> }> {
  expect(response.status(), await response.text()).toBe(status);
  return ((await response.json()) as { error: { code: string; message: string; fields?: Record<string, string> } }).error;
}

test('the JSON API: create answers the secret once, list and rotate follow API.md, bad input is refused', async ({ page }) => {
  await signUpAndVerify(page, 'keys-api');
  const post = (path: string, body: unknown) => page.request.post(path, { headers: { Origin: E2E_BASE_URL }, data: body });
  type Key = { id: string; prefix: string; status: string; scopes: string[] };

  const created = await data<{ key: Key; secret: string }>(await post('/api/account/api-keys', { name: 'CI', scopes: ['read'] }), 201);
  expect(created.secret.startsWith(created.key.prefix)).toBe(true);
  const list = await data<{ keys: Key[]; availableScopes: { scope: string; description: string }[] }>(await page.request.get('/api/account/api-keys'));
  expect(JSON.stringify(list)).not.toContain(created.secret);
  expect(list.keys.map((k) => k.id)).toEqual([created.key.id]);
  expect(list.availableScopes.map((s) => s.scope)).toContain('usage:write');

  const rotated = await data<{ key: Key; secret: string; previous: { id: string; expiresAt: string } }>(await post(`/api/account/api-keys/${created.key.id}/rotate`, { gracePeriod: '24h' }), 201);
  expect(rotated.previous.id).toBe(created.key.id);
  expect(new Date(rotated.previous.expiresAt).getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000);
  const revoked = await data<{ key: Key }>(await page.request.delete(`/api/account/api-keys/${rotated.key.id}`, { headers: { Origin: E2E_BASE_URL } }));
  expect(revoked.key.status).toBe('revoked');
  expect(JSON.stringify(revoked)).not.toContain(rotated.secret);

  expect((await errorOf(await post('/api/account/api-keys', { name: '', scopes: ['read'] }), 422)).fields?.name).toBe('Give the key a name.');
  expect((await errorOf(await post('/api/account/api-keys', { name: 'x', scopes: ['root'] }), 422)).fields?.['scopes.0']).toMatch(/Unknown scope/);
  expect((await errorOf(await post('/api/account/api-keys', { name: 'x', scopes: ['read'], expiresAt: '2020-01-01' }), 422)).fields?.expiresAt).toBe('The expiry date must be in the future.');
  expect((await errorOf(await post('/api/account/api-keys/not-a-key/rotate', { gracePeriod: '1h' }), 404)).code).toBe('not_found');
  expect((await errorOf(await post(`/api/account/api-keys/${created.key.id}/rotate`, { gracePeriod: '2h' }), 422)).fields?.gracePeriod).toMatch(/Choose a grace period/);
  expect((await errorOf(await page.request.post('/api/account/api-keys', { data: { name: 'x', scopes: ['read'] } }), 403)).code).toBe('forbidden');

  const verifyWithoutSecret = await page.request.post('/api/v1/keys/verify', { data: { key: created.secret } });
  expect((await errorOf(verifyWithoutSecret, 401)).code).toBe('unauthorized');
  expect(await verify(page.request, 'dfl_live_not-a-real-key')).toEqual({ valid: false, reason: 'not_found' });
});
