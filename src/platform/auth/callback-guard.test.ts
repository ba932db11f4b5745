import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { hostileRedirects } from '../../../tests/support/redirect-corpus';
import { useTestDatabase } from '../../../tests/support/test-db';
import { getAuth } from './auth';
import { user } from './schema';

const t = useTestDatabase();
const portal = 'http://localhost:3000';
const hostile = hostileRedirects(portal).map((value) => [JSON.stringify(value), value]);

async function get(path: string): Promise<Response> {
  return (await getAuth()).handler(new Request(`${portal}/api/auth${path}`));
}

describe("the callbacks of Better Auth's mailed links", () => {
  it.each(hostile)('refuses %s as the callback of a verification link and of a reset link', async (_label, value) => {
    for (const path of [`/verify-email?token=not-a-token&callbackURL=${encodeURIComponent(value)}`, `/reset-password/not-a-token?callbackURL=${encodeURIComponent(value)}`]) {
      const response = await get(path);
      expect(response.status, path).toBe(400);
      expect(response.headers.get('location')).toBeNull();
    }
  });

  it.each(hostile)('refuses %s as the callback a sign-up would mail, and creates nobody', async (_label, value) => {
    const email = `callback-${crypto.randomUUID()}@example.test`;
    const response = await (await getAuth()).handler(
      new Request(`${portal}/api/auth/sign-up/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: portal },
        body: JSON.stringify({ name: 'Mallory', email, password: 'long-enough-password', callbackURL: value }),
      }),
    );
    expect(response.status).toBe(400);
    expect(await t.db.select({ id: user.id }).from(user).where(eq(user.email, email))).toEqual([]);
  });

  it.each(['/account', '/account?notice=email-changed', '/invitations/accept?token=abc', '/reset-password'])('lets the portal\'s own callback %s through', async (value) => {
    const response = await get(`/verify-email?token=not-a-token&callbackURL=${encodeURIComponent(value)}`);
    expect(response.status).toBe(302);
    expect(new URL(response.headers.get('location')!, portal).pathname).toBe(new URL(value, portal).pathname);
  });
});
