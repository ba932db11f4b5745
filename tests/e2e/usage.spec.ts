import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../support/e2e-env';
import { signIn, signUpAndVerify, urlOf } from '../support/e2e-journeys';
import { Notifications } from '../support/notifications';

/** The demo's 80 % alert of Acme's API calls, as a notification. */
const API_CALLS_ALERT = 'API calls at 80 % of the limit';

test('the demo owner sees usage against the limit, both charts with their data, the forecast, the alert, and downloads the CSV', async ({ page }) => {
  await signIn(page, 'owner@acme.example', DEMO_PASSWORD);
  await expect(page).toHaveURL(urlOf('/account'));
  // The 80 % alert reaches the owner as a notification, with the way to upgrade, and leads to Usage.
  const alert = await new Notifications(page).waitForItem(API_CALLS_ALERT);
  await expect(alert).toContainText('used this billing period');
  await expect(alert).toContainText('Upgrade your plan before you reach it.');
  await alert.getByRole('link', { name: API_CALLS_ALERT }).click();
  await expect(page).toHaveURL(urlOf('/account/usage'));
  await expect(page.getByRole('heading', { name: 'Usage', level: 1 })).toBeVisible();
  const apiCalls = page.getByRole('region', { name: 'API calls' });
  await expect(apiCalls.getByText('450,000 / 500,000 calls — 90 %')).toBeVisible();
  await expect(apiCalls.getByRole('progressbar', { name: 'API calls used of the limit' })).toHaveAttribute('aria-valuenow', '90');

  await expect(apiCalls.getByRole('img', { name: /^API calls per day, last 30 days/ })).toBeVisible();
  await expect(apiCalls.getByRole('img', { name: /^API calls per month, last 12 months/ })).toBeVisible();
  await apiCalls.getByText('Show data').first().click();
  const dailyTable = apiCalls.getByRole('table', { name: 'API calls per day, last 30 days (UTC)' });
  await expect(dailyTable.getByRole('row')).toHaveCount(31);

  await expect(apiCalls.getByText('Forecast for the next period:')).toBeVisible();
  await expect(apiCalls.getByText(/^Run rate of this period: 450,000 calls used in \d+ days?/)).toBeVisible();

  // The CSV holds the very numbers of the series.
  const downloading = page.waitForEvent('download');
  await apiCalls.getByRole('link', { name: 'Download CSV of API calls, last 30 days' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^usage-api_calls-30d-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, 'utf8');
  const response = await page.request.get('/api/account/usage/api_calls?range=30d');
  const { data } = (await response.json()) as { data: { series: { date: string; value: number }[] } };
  expect(csv).toBe(['date,value', ...data.series.map((p) => `${p.date},${p.value}`)].join('\n') + '\n');
  const sum = data.series.reduce((total, p) => total + p.value, 0);
  expect(sum).toBeGreaterThan(0);

  // An unknown range is refused.
  const bad = await page.request.get('/api/account/usage/api_calls?range=7d');
  expect(bad.status()).toBe(422);
  expect(await bad.json()).toMatchObject({ success: false, error: { code: 'validation_failed', fields: { range: expect.any(String) } } });
});

test('every role sees usage, its own organization’s only: Acme’s viewer as its owner does, Globex’s viewer Globex’s', async ({ page, browser }) => {
  await signIn(page, 'viewer@acme.example', DEMO_PASSWORD);
  await expect(page).toHaveURL(urlOf('/account'));
  // The usage alert is for the owner, the admins and the billing contacts: not in the viewer's list.
  await new Notifications(page).open();
  await expect(new Notifications(page).items(API_CALLS_ALERT)).toHaveCount(0);
  await page.getByRole('link', { name: 'Usage' }).click();
  await expect(page.getByRole('region', { name: 'API calls' }).getByText('450,000 / 500,000 calls — 90 %')).toBeVisible();

  const globexContext = await browser.newContext();
  const globex = await globexContext.newPage();
  await signIn(globex, 'viewer@globex.example', DEMO_PASSWORD);
  await globex.getByRole('link', { name: 'Usage' }).click();
  const apiCalls = globex.getByRole('region', { name: 'API calls' });
  await expect(apiCalls.getByText('— no limit on the Enterprise plan')).toBeVisible();
  await expect(apiCalls.getByText('450,000')).toHaveCount(0);
  const { data } = (await (await globex.request.get('/api/account/usage')).json()) as { data: { meters: { meter: string; used: number; limit: number | null }[] } };
  expect(data.meters.find((m) => m.meter === 'api_calls')).toMatchObject({ limit: null });
  expect(data.meters.find((m) => m.meter === 'api_calls')!.used).not.toBe(450_000);
  await globexContext.close();
});

test('a new customer sees an empty usage page', async ({ page }) => {
  await signUpAndVerify(page, 'usage-empty');
  await page.getByRole('link', { name: 'Usage' }).click();
  await expect(page.getByRole('heading', { name: 'Usage', level: 1 })).toBeVisible();
  await expect(page.getByText('No usage yet')).toBeVisible();
  const overview = await page.request.get('/api/account/usage');
  expect(await overview.json()).toMatchObject({ success: true, data: { meters: [{ meter: 'api_calls', used: 0, limit: 10_000, percent: 0 }, { meter: 'storage_gb', used: 0 }] } });
});
