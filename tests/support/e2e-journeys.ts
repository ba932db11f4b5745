// Steps that several journeys share, done the way a customer (or the host's backend) does them.
import { readFile } from 'node:fs/promises';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { E2E_SERVER_SECRET } from './e2e-env';
import { latestMail, linkIn } from './e2e-mail';

/** Unique per call, so reruns, parallel CI jobs and the sign-in rate limit never collide. */
export function uniqueId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

export function uniqueEmail(tag: string): string {
  return `e2e-${tag}-${uniqueId()}@example.test`;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Exactly `path` (with or without a query), on the portal's origin. */
export function urlOf(path: string): RegExp {
  return new RegExp(`^https?://[^/]+${escapeRegExp(path)}$`);
}

export async function signIn(page: Page, email: string, password: string, { next }: { next?: string } = {}): Promise<void> {
  await page.goto(next === undefined ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`);
  await fillSignIn(page, email, password);
}

export async function fillSignIn(page: Page, email: string, password: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export type BuiltinAccount = { name: string; email: string; password: string; organization: string };

export function newBuiltinAccount(tag: string): BuiltinAccount {
  const id = uniqueId();
  return {
    name: `Erin E2E ${id}`,
    email: `e2e-${tag}-${id}@example.test`,
    password: `pw-${id}-long-enough`,
    organization: `E2E Org ${id}`,
  };
}

/** Fills and sends /sign-up, and waits for "Check your email": the address is not verified yet. */
export async function submitSignUp(page: Page, account: BuiltinAccount): Promise<void> {
  await page.goto('/sign-up');
  await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible();
  await page.getByLabel('Your name').fill(account.name);
  await page.getByLabel('Work email').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByLabel('Organization').fill(account.organization);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/check-email\?/);
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await expect(page.getByText(account.email)).toBeVisible();
}

/**
 * Creates a builtin account through /sign-up, follows the verification link from the mail, and
 * leaves `page` signed in on /account as the owner of a new organization.
 */
export async function signUpAndVerify(page: Page, tag: string): Promise<BuiltinAccount> {
  const account = newBuiltinAccount(tag);
  await submitSignUp(page, account);
  const mail = await latestMail(account.email, 'Verify your email address');
  await page.goto(linkIn(mail, '/api/auth/verify-email'));
  await expect(page).toHaveURL(urlOf('/account'));
  await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
  return account;
}

export type HandoffRequest = {
  user: { externalId: string; email: string; name?: string };
  organization: { externalId: string; name?: string; plan?: 'free' | 'pro' | 'enterprise' };
  role?: 'owner' | 'admin' | 'billing' | 'member' | 'viewer';
  path?: string;
};

/** The host product's backend asking for a portal link: POST /api/v1/portal-sessions. */
export async function createHandoff(request: APIRequestContext, body: HandoffRequest): Promise<{ url: string; expiresAt: string }> {
  const response = await request.post('/api/v1/portal-sessions', {
    headers: { Authorization: `Bearer ${E2E_SERVER_SECRET}` },
    data: body,
  });
  expect(response.status(), await response.text()).toBe(201);
  const json = (await response.json()) as { success: boolean; data: { url: string; expiresAt: string } };
  expect(json.success).toBe(true);
  return json.data;
}

/** A new host user who owns a new organization, without a password: identity "host". */
export function newHostCustomer(tag: string): HandoffRequest & { organization: { name: string } } {
  const id = uniqueId();
  return {
    user: { externalId: `usr_${tag}_${id}`, email: `e2e-${tag}-${id}@example.test`, name: `Hana Host ${id}` },
    organization: { externalId: `org_${tag}_${id}`, name: `Host Org ${id}`, plan: 'pro' },
  };
}

/** Reads the secret from the one-time dialog, copies it with the button, and closes the dialog. */
export async function takeNewKeySecret(page: Page, title: RegExp): Promise<string> {
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('This is the only time the key is shown.')).toBeVisible();
  const secret = await dialog.getByLabel('New API key').inputValue();
  expect(secret).toMatch(/^dfl_live_[0-9A-Za-z]{49}$/);
  await dialog.getByRole('button', { name: 'Copy' }).click();
  await expect(dialog.getByRole('button', { name: 'Copied', exact: true })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await dialog.getByRole('button', { name: 'I have copied it' }).click();
  await expect(dialog).toBeHidden();
  return secret;
}

/** The calendar quarter before today's, as YYYY-MM-DD days in UTC. */
export function previousQuarter(today = new Date()): { from: string; to: string } {
  const start = Math.floor(today.getUTCMonth() / 3) * 3 - 3;
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return { from: day(new Date(Date.UTC(today.getUTCFullYear(), start, 1))), to: day(new Date(Date.UTC(today.getUTCFullYear(), start + 3, 0))) };
}

/** The rows of the invoice list, without its header row. */
export const invoiceRows = (page: Page) => page.getByRole('table', { name: /^Invoices issued|^All invoices/ }).getByRole('row').filter({ has: page.getByRole('rowheader') });

/** Downloads the listed range as a ZIP: its file name, and the names of the files in it, each checked to be a PDF. */
export async function downloadInvoicesZip(page: Page): Promise<{ fileName: string; pdfNames: string[] }> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download ZIP' }).click();
  const download = await downloading;
  const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
  for (const pdf of Object.values(files)) expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
  return { fileName: download.suggestedFilename(), pdfNames: Object.keys(files).sort() };
}
