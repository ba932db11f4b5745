import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD, E2E_BASE_URL } from '../support/e2e-env';
import { signIn, urlOf } from '../support/e2e-journeys';
import { staffHandoffSignIn } from '../support/e2e-staff';

// Every JSON route of the customers' portal refuses a staff session, and every route of the staff
// console a customer's session: all route files of both trees, read from disk, so a route added later
// is walked too.

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Route folders of the console open without a staff session, each with the reason. */
const openAdminRoutes: Record<string, string> = {
  '/api/admin/auth/[...all]': 'the staff handoff link: its single-use token is the credential (tested below and in staff-sign-in.spec.ts)',
};

type RouteFile = { folder: string; methods: string[] };

/** The route files under `src/app/api/<tree>` and the HTTP methods each exports. */
function routeFiles(tree: 'account' | 'admin'): RouteFile[] {
  const dir = path.join('src/app/api', tree);
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => path.basename(file) === 'route.ts')
    .map((file) => {
      const source = readFileSync(path.join(dir, file), 'utf8');
      const methods = METHODS.filter((m) => new RegExp(`export\\s+(?:const|(?:async\\s+)?function)\\s+${m}\\b|export\\s*\\{[^}]*\\b${m}\\b[^}]*\\}`).test(source));
      const sub = path.posix.dirname(file.split(path.sep).join('/'));
      return { folder: sub === '.' ? `/api/${tree}` : `/api/${tree}/${sub}`, methods };
    });
}

/** A URL for a route folder: a made-up but plausible value for every dynamic segment. */
function urlOfFolder(folder: string): string {
  return folder.replace(/\[\.\.\.\w+\]/g, 'x').replace(/\[(\w+)\]/g, (_, name: string) => (name === 'meter' ? 'api_calls' : '00000000-0000-4000-8000-000000000000'));
}

async function walk(request: APIRequestContext, routes: RouteFile[]): Promise<string[]> {
  const answers: string[] = [];
  for (const { folder, methods } of routes) {
    for (const method of methods) {
      const response = await request.fetch(urlOfFolder(folder), {
        method,
        headers: { Origin: E2E_BASE_URL, 'Content-Type': 'application/json' },
        data: method === 'GET' || method === 'HEAD' ? undefined : '{}',
        maxRedirects: 0,
      });
      answers.push(`${method} ${folder} → ${response.status()}`);
    }
  }
  return answers;
}

const refused = (answers: string[]) => answers.filter((a) => !/→ 40[13]$/.test(a));

test('both trees have route files, each exporting a method', () => {
  for (const tree of ['account', 'admin'] as const) {
    const routes = routeFiles(tree);
    expect(routes.length, tree).toBeGreaterThan(0);
    for (const route of routes) expect(route.methods, route.folder).not.toEqual([]);
  }
  expect(routeFiles('admin').map((r) => r.folder)).toEqual(expect.arrayContaining(Object.keys(openAdminRoutes)));
});

test('a staff session is refused by every /api/account route', async ({ page }) => {
  await staffHandoffSignIn(page, 'lead');
  await expect(page).toHaveURL(urlOf('/admin/staff'));
  expect((await page.request.get('/api/admin/staff')).status(), 'the staff session itself works').toBe(200);
  const answers = await walk(page.request, routeFiles('account'));
  expect(answers.length).toBeGreaterThan(20);
  expect(refused(answers)).toEqual([]);
});

test('a customer’s session is refused by every /api/admin route', async ({ page }) => {
  await signIn(page, 'owner@acme.example', DEMO_PASSWORD);
  await expect(page).toHaveURL(urlOf('/account'));
  expect((await page.request.get('/api/account/me')).status(), 'the customer session itself works').toBe(200);
  const answers = await walk(
    page.request,
    routeFiles('admin').filter((r) => !(r.folder in openAdminRoutes)),
  );
  expect(answers.length).toBeGreaterThan(0);
  expect(refused(answers)).toEqual([]);

  // The open one serves the handoff link alone, and a customer's cookie is no token.
  const bogus = await page.request.get('/api/admin/auth/handoff?token=not-a-token', { maxRedirects: 0 });
  expect(bogus.status()).toBe(302);
  expect(bogus.headers().location).toBe('/admin/sign-in?notice=link-expired');
  expect(bogus.headers()['set-cookie'] ?? '').not.toContain('deflect-staff.session_token=');
  expect((await page.request.post('/api/admin/auth/sign-in/email', { headers: { Origin: E2E_BASE_URL }, data: {} })).status()).toBe(404);
});
