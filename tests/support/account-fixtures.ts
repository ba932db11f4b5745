import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { signUp } from '@/modules/account/sign-in';
import type { Actor } from '@/platform/actions/actor';
import { getAuth } from '@/platform/auth/auth';
import { user } from '@/platform/auth/schema';
import type { Db } from '@/platform/db/types';
import { membership } from '@/platform/tenancy/schema';

/** The Cookie header a browser would send after these Set-Cookie headers. */
export function cookieOf(setCookies: Headers): string {
  return setCookies
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
}

/** An owner signed up and in through Better Auth (verified address), with their session's headers, as the forms act. */
export async function signedInOwner(db: Db) {
  const email = `security-${randomUUID().slice(0, 8)}@example.test`;
  const password = 'security-events-password';
  await signUp({ name: 'Sam Secure', email, password, organizationName: 'Secure Co' }, new Headers());
  await db.update(user).set({ emailVerified: true }).where(eq(user.email, email));
  const signedIn = await (await getAuth()).api.signInEmail({ body: { email, password }, returnHeaders: true });
  const cookie = cookieOf(signedIn.headers);
  const [row] = await db.select({ userId: user.id, organizationId: membership.organizationId }).from(user).innerJoin(membership, eq(membership.userId, user.id)).where(eq(user.email, email));
  const actor: Actor & { userId: string; email: string } = { type: 'user', userId: row!.userId, email, organizationId: row!.organizationId, role: 'owner' };
  return { actor, headers: new Headers({ cookie }), password };
}
