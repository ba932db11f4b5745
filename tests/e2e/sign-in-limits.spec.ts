import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD, E2E_SERVER_SECRET, E2E_SINK_URL } from '../support/e2e-env';
import { startExtraPortal, type ExtraPortal } from '../support/e2e-extra-portal';
import { fillSignIn, signUpAndVerify, uniqueEmail, urlOf, type BuiltinAccount } from '../support/e2e-journeys';
import { latestMail } from '../support/e2e-mail';
import { authenticatorFrom, freshCode } from '../support/e2e-totp';

// The outside probe's attack, replayed against a portal process of its own (the lock it provokes would
// refuse the other journeys' sign-ins): wrong passwords, each from an invented X-Forwarded-For address.

const WRONG = 'That email and password do not match.';
const LOCKED = /^Too many attempts\. Try again in 1[45] minutes\.$/;
const LOCK_MAIL = 'Sign-in to your account is paused';
const outcomes = /^(That email and password do not match\.|Too many attempts\. Try again in \d+ (seconds?|minutes?)\.)$/;

async function visitorOf(browser: Browser, portal: ExtraPortal): Promise<Page> {
  return (await browser.newContext({ baseURL: portal.baseUrl })).newPage();
}

/** One sign-in through the form, claiming `forwardedFor`; the message the form answers with. */
async function attempt(page: Page, email: string, password: string, forwardedFor: string, headers: Record<string, string> = {}): Promise<string> {
  await page.context().setExtraHTTPHeaders({ 'x-forwarded-for': forwardedFor, ...headers });
  await page.goto('/sign-in');
  await fillSignIn(page, email, password);
  const answer = page.getByText(outcomes).first();
  await expect(answer).toBeVisible();
  return (await answer.textContent())!.trim();
}

async function attempts(page: Page, count: number, email: (i: number) => string, forwardedFor: (i: number) => string): Promise<string[]> {
  const answers: string[] = [];
  for (let i = 0; i < count; i++) answers.push(await attempt(page, email(i), 'not-the-password-1', forwardedFor(i)));
  return answers;
}

async function lockMailsTo(email: string): Promise<number> {
  await latestMail(email, LOCK_MAIL); // waits for the first one
  const all = (await (await fetch(`${E2E_SINK_URL}/messages`)).json()) as { to: string[]; subject: string }[];
  return all.filter((m) => m.to.includes(email) && m.subject === LOCK_MAIL).length;
}

async function sessionAddress(page: Page): Promise<string> {
  await page.goto('/account');
  const row = page.getByRole('region', { name: 'Sessions' }).getByRole('row').filter({ hasText: 'This device' });
  return (await row.textContent()) ?? '';
}

async function newAccount(browser: Browser, portal: ExtraPortal, tag: string): Promise<BuiltinAccount> {
  const page = await visitorOf(browser, portal);
  const account = await signUpAndVerify(page, tag);
  await page.context().close();
  return account;
}

/**
 * The probe's attack on a new account: 30 wrong passwords, each claiming another X-Forwarded-For. The
 * first ten are answered, the rest refused with when to retry; then the right password (claimed from
 * `rightFrom`) is refused too, and the owner has exactly one mail about it.
 */
async function replayLockout(browser: Browser, portal: ExtraPortal, tag: string, rightFrom: string): Promise<BuiltinAccount> {
  const account = await newAccount(browser, portal, tag);
  const attacker = await visitorOf(browser, portal);
  const answers = await attempts(attacker, 30, () => account.email, (i) => `198.51.100.${i + 1}`);
  expect(answers.slice(0, 10)).toEqual(Array(10).fill(WRONG));
  for (const answer of answers.slice(10)) expect(answer).toMatch(LOCKED);
  expect(await attempt(attacker, account.email, account.password, rightFrom)).toMatch(LOCKED);
  await expect(attacker).toHaveURL(urlOf('/sign-in'));
  expect(await lockMailsTo(account.email)).toBe(1);
  return account;
}

test.describe('sign-in limits with no trusted proxy (the default)', () => {
  test.describe.configure({ mode: 'serial' });
  let portal: ExtraPortal;
  test.beforeAll(async () => {
    test.setTimeout(240_000);
    portal = await startExtraPortal();
  });
  test.afterAll(async () => portal?.stop());

  test('an invented X-Forwarded-For is not the address a session records', async ({ browser }) => {
    const page = await visitorOf(browser, portal);
    const forged = { 'x-real-ip': '203.0.113.78', 'x-deflect-client-address': '203.0.113.79', 'x-deflect-stamp': 'forged' };
    await attempt(page, 'owner@acme.example', DEMO_PASSWORD, '203.0.113.77', forged).catch(() => {});
    await expect(page).toHaveURL(urlOf('/account'));
    const shown = await sessionAddress(page);
    for (const address of ['203.0.113.77', '203.0.113.78', '203.0.113.79']) expect(shown).not.toContain(address);
    // The socket's loopback address (Better Auth shows an IPv6 one as its /64, written out).
    expect(shown).toMatch(/127\.0\.0\.1|0000:0000:0000:0000:0000:0000:0000:0000/);
  });

  test('30 wrong passwords from 30 invented addresses: refused after the tenth, then the right one too; the owner is mailed once', async ({ browser }) => {
    test.setTimeout(180_000);
    const account = await replayLockout(browser, portal, 'lockout', '198.51.100.250');
    const mail = await latestMail(account.email, LOCK_MAIL);
    expect(mail.text).toContain('paused for 15 minutes');
    expect(mail.text).toContain(`${portal.baseUrl}/forgot-password`);
  });

  test('guessing across addresses that have no account: answered alike, then the address is refused, even for a right password', async ({ browser }) => {
    test.setTimeout(180_000);
    const attacker = await visitorOf(browser, portal);
    // The previous journey left this address 10 failures; the limit is 30 a quarter of an hour.
    const answers = await attempts(attacker, 21, () => uniqueEmail('nobody'), (i) => `192.0.2.${i + 1}`);
    expect(answers.slice(0, 20)).toEqual(Array(20).fill(WRONG));
    expect(answers[20]).toMatch(LOCKED);
    expect(await attempt(attacker, 'admin@acme.example', DEMO_PASSWORD, '192.0.2.99')).toMatch(LOCKED);
  });

  test('wrong server secrets from invented addresses are refused after twenty; the right secret still passes', async ({ playwright }) => {
    const api = await playwright.request.newContext({ baseURL: portal.baseUrl });
    try {
      const handoff = (secret: string, forwardedFor: string) =>
        api.post('/api/v1/portal-sessions', {
          headers: { authorization: `Bearer ${secret}`, 'x-forwarded-for': forwardedFor },
          data: { user: { externalId: 'u_limits', email: 'limits@example.test' }, organization: { externalId: 'org_limits', name: 'Limits' } },
        });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await handoff(`wrong-secret-${i}`, `198.51.100.${i + 1}`)).status());
      expect(statuses).toEqual(Array(20).fill(401));
      const refused = await handoff('wrong-secret-20', '198.51.100.21');
      expect(refused.status()).toBe(429);
      expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(0);
      expect((await refused.json()).error.message).toMatch(/^Too many attempts\. Try again in \d+ (seconds?|minutes?)\.$/);
      const right = await handoff(E2E_SERVER_SECRET, '198.51.100.22');
      expect(right.status()).toBe(201);
      expect(right.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await api.dispose();
    }
  });
});

test.describe('sign-in limits behind a trusted proxy (TRUST_PROXY=loopback)', () => {
  test.describe.configure({ mode: 'serial' });
  let portal: ExtraPortal;
  test.beforeAll(async () => {
    test.setTimeout(240_000);
    portal = await startExtraPortal({ trustProxy: 'loopback' });
  });
  test.afterAll(async () => portal?.stop());

  test('the forwarded address is the one a session records', async ({ browser }) => {
    const page = await visitorOf(browser, portal);
    await attempt(page, 'owner@acme.example', DEMO_PASSWORD, '198.51.100.7, 203.0.113.77').catch(() => {});
    await expect(page).toHaveURL(urlOf('/account'));
    expect(await sessionAddress(page)).toContain('203.0.113.77');
  });

  test('an account is locked after ten wrong passwords from ten different clients, and its owner mailed once', async ({ browser }) => {
    test.setTimeout(180_000);
    await replayLockout(browser, portal, 'lockout-proxied', '2001:db8::42');
  });

  test('one client guessing across accounts is refused after thirty, while another client signs in', async ({ browser }) => {
    test.setTimeout(180_000);
    const attacker = await visitorOf(browser, portal);
    const answers = await attempts(attacker, 31, () => uniqueEmail('nobody'), () => '203.0.113.50');
    expect(answers.slice(0, 30)).toEqual(Array(30).fill(WRONG));
    expect(answers[30]).toMatch(LOCKED);
    expect(await attempt(attacker, 'admin@acme.example', DEMO_PASSWORD, '203.0.113.50')).toMatch(LOCKED);

    const someoneElse = await visitorOf(browser, portal);
    await attempt(someoneElse, 'admin@acme.example', DEMO_PASSWORD, '203.0.113.51').catch(() => {});
    await expect(someoneElse).toHaveURL(urlOf('/account'));
  });

  test('wrong two-factor codes from many clients lock the user, across new pending sign-ins', async ({ browser }) => {
    test.setTimeout(180_000);
    const page = await visitorOf(browser, portal);
    const account = await signUpAndVerify(page, 'two-factor-lock');
    const card = page.getByRole('region', { name: 'Two-factor authentication' });
    await card.getByLabel('Password', { exact: true }).fill(account.password);
    await card.getByRole('button', { name: 'Set up two-factor' }).click();
    const authenticator = authenticatorFrom((await card.getByRole('link', { name: 'this link' }).getAttribute('href'))!);
    await card.getByLabel('Authentication code').fill(await freshCode(authenticator));
    await card.getByRole('button', { name: 'Turn on two-factor' }).click();
    await expect(page.getByRole('status').getByText('Two-factor authentication is on.')).toBeVisible();
    await page.context().close();

    const attacker = await visitorOf(browser, portal);
    const codeAnswer = async (code: string, forwardedFor: string) => {
      await attacker.context().setExtraHTTPHeaders({ 'x-forwarded-for': forwardedFor });
      await attacker.getByLabel('Authentication code').fill(code);
      await attacker.getByRole('button', { name: 'Verify' }).click();
      const answer = attacker.getByText(/^(That code is not correct\.|Too many wrong codes for this sign-in\. Please sign in again\.|Too many attempts\. Try again in \d+ (seconds?|minutes?)\.)$/).first();
      await expect(answer).toBeVisible();
      const text = (await answer.textContent())!.trim();
      await attacker.reload();
      return text;
    };
    const signInWithPassword = async (forwardedFor: string) => {
      await attacker.context().setExtraHTTPHeaders({ 'x-forwarded-for': forwardedFor });
      await attacker.goto('/sign-in');
      await fillSignIn(attacker, account.email, account.password);
      await expect(attacker).toHaveURL(urlOf('/two-factor?next=%2Faccount'));
    };
    const wrongCodes = async (count: number, firstHop: number) => {
      const answers: string[] = [];
      for (let i = 0; i < count; i++) {
        const right = await freshCode(authenticator);
        answers.push(await codeAnswer(String((Number(right) + 500_000) % 1_000_000).padStart(6, '0'), `198.51.100.${firstHop + i}`));
      }
      return answers;
    };
    // Five tries per pending sign-in, each from another client.
    await signInWithPassword('198.51.100.60');
    expect(await wrongCodes(6, 61)).toEqual([...Array(5).fill('That code is not correct.'), 'Too many wrong codes for this sign-in. Please sign in again.']);
    // A new pending sign-in brings five more, but the user's tenth wrong code locks the user.
    await signInWithPassword('198.51.100.70');
    const answers = await wrongCodes(6, 71);
    expect(answers.slice(0, 5)).toEqual(Array(5).fill('That code is not correct.'));
    expect(answers[5]).toMatch(LOCKED);
    // Locked: not even a new pending sign-in with the right code gets through.
    await signInWithPassword('198.51.100.90');
    expect(await codeAnswer(await freshCode(authenticator), '198.51.100.91')).toMatch(LOCKED);
  });
});
