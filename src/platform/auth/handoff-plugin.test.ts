import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hostileRedirects, legitimateRedirects } from '../../../tests/support/redirect-corpus';
import { seedOrg, useTestDatabase } from '../../../tests/support/test-db';
import { hashToken, newOpaqueToken } from '../crypto/tokens';
import { getAuth } from './auth';
import { HANDOFF_PATH } from './handoff-plugin';
import { portalHandoff } from './schema';

const t = useTestDatabase();

/** A stored link with `path` as it is in the row, bypassing the check at creation (an older row). */
async function storedLink(path: string): Promise<string> {
  const member = await seedOrg(t.db);
  const token = newOpaqueToken();
  await t.db.insert(portalHandoff).values({
    id: randomUUID(),
    tokenHash: hashToken(token),
    userId: member.userId,
    organizationId: member.organizationId,
    path,
    expiresAt: new Date(Date.now() + 60_000),
  });
  return token;
}

async function follow(token: string): Promise<Response> {
  const auth = await getAuth();
  return auth.handler(new Request(`http://localhost:3000${HANDOFF_PATH}?token=${encodeURIComponent(token)}`));
}

describe('redeeming a handoff link', () => {
  it.each(legitimateRedirects)('signs in and redirects to the stored %s as %s', async (path, resolved) => {
    const response = await follow(await storedLink(path));
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(resolved);
    expect(response.headers.getSetCookie().some((c) => c.includes('session_token='))).toBe(true);
  });

  // A NUL cannot be stored in a text column, so that shape never reaches a stored link.
  const storable = hostileRedirects('http://localhost:3000').filter((path) => !path.includes('\u0000'));
  it.each(storable.map((path) => [JSON.stringify(path), path]))(
    're-checks a stored %s and lands on /account instead of another site or a 500',
    async (_label, path) => {
      const response = await follow(await storedLink(path));
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('/account');
    },
  );
});
