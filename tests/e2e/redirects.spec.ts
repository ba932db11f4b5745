import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { E2E_BASE_URL } from '../support/e2e-env';
import { signIn, signUpAndVerify } from '../support/e2e-journeys';
import { hostileRedirects } from '../support/redirect-corpus';

// `next=` after sign-in, driven through the real form in Chromium: whatever a link carries, the
// browser ends on the portal's own origin and never asks another host for anything.

const origin = new URL(E2E_BASE_URL).origin;
// The sign-in rate limit allows 10 tries a minute per address; a sign-up counts as one.
const SIGN_INS_PER_ACCOUNT = 8;

/** Records every request, main-frame navigation and dialog that leaves the portal's origin. */
async function watchOffSite(context: BrowserContext, page: Page): Promise<string[]> {
  const offSite: string[] = [];
  await context.route(
    (url) => url.origin !== origin,
    async (route) => {
      offSite.push(`request ${route.request().url()}`);
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>Another site</h1>' });
    },
  );
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && frame.url() !== 'about:blank' && new URL(frame.url()).origin !== origin) offSite.push(`navigation ${frame.url()}`);
  });
  page.on('dialog', (dialog) => {
    offSite.push(`dialog ${dialog.message()}`);
    void dialog.dismiss();
  });
  return offSite;
}

/** Signs in with `next` and returns where the browser settled once it left the sign-in page. */
async function landingAfterSignIn(page: Page, account: { email: string; password: string }, next: string): Promise<string> {
  await signIn(page, account.email, account.password, { next });
  await page.waitForURL((url) => url.origin !== origin || url.pathname !== '/sign-in');
  return page.url();
}

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

test('every known bypass shape in next= ends on /account of the portal, and nothing leaves the origin', async ({ browser }) => {
  const shapes = hostileRedirects(origin);
  expect(shapes.length).toBeGreaterThanOrEqual(30);
  test.setTimeout(30_000 * Math.ceil(shapes.length / SIGN_INS_PER_ACCOUNT));

  // Each account in a browser context of its own; two at a time keep the server busy while one waits.
  const tryChunk = async (chunk: string[]) => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const offSite = await watchOffSite(context, page);
      const account = await signUpAndVerify(page, 'redirect');
      for (const next of chunk) {
        expect.soft(await landingAfterSignIn(page, account, next), `next=${JSON.stringify(next)}`).toBe(`${origin}/account`);
      }
      expect.soft(offSite).toEqual([]);
    } finally {
      await context.close();
    }
  };
  const pending = chunks(shapes, SIGN_INS_PER_ACCOUNT);
  const worker = async () => {
    for (let chunk = pending.shift(); chunk; chunk = pending.shift()) await tryChunk(chunk);
  };
  await Promise.all([worker(), worker()]);
});

test('a legitimate next= keeps its query and fragment, normalized', async ({ page, context }) => {
  const offSite = await watchOffSite(context, page);
  const account = await signUpAndVerify(page, 'redirect-ok');

  expect(await landingAfterSignIn(page, account, '/account/team?x=1#y')).toBe(`${origin}/account/team?x=1#y`);
  await expect(page.getByRole('heading', { name: 'Team', level: 1 })).toBeVisible();
  expect(await landingAfterSignIn(page, account, '/account/x/../activity')).toBe(`${origin}/account/activity`);
  await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
  expect(offSite).toEqual([]);
});

test('the callback of a mailed verification or reset link cannot send the browser off the portal', async ({ page, context }) => {
  const offSite = await watchOffSite(context, page);
  for (const callback of hostileRedirects(origin)) {
    for (const link of [`/api/auth/verify-email?token=forged&callbackURL=${encodeURIComponent(callback)}`, `/api/auth/reset-password/forged?callbackURL=${encodeURIComponent(callback)}`]) {
      const response = await page.goto(link).catch((error: Error) => error);
      expect.soft(response instanceof Error ? response.message : response?.status(), `${link}`).toBe(400);
      expect.soft(page.url(), link).toBe(`${origin}${link}`);
    }
  }
  expect(offSite).toEqual([]);
});
