import { and, eq, like } from 'drizzle-orm';
import type { Db } from '../db/types';
import { account, session, twoFactor, verification } from './schema';

export type DiscardedSignIn = { credentials: number; sessions: number; twoFactor: number; resetLinks: number };

/**
 * Removes every way of signing in as `userId` that its own sign-up set up: passwords, sessions,
 * two-factor and pending reset links. Counts only: nothing of them is returned.
 */
export async function discardBuiltinSignIn(tx: Db, userId: string): Promise<DiscardedSignIn> {
  const credentials = await tx.delete(account).where(eq(account.userId, userId)).returning({ id: account.id });
  const sessions = await tx.delete(session).where(eq(session.userId, userId)).returning({ id: session.id });
  const factors = await tx.delete(twoFactor).where(eq(twoFactor.userId, userId)).returning({ id: twoFactor.id });
  // Better Auth keys a reset link by its token and stores the user id as the value.
  const resetLinks = await tx
    .delete(verification)
    .where(and(like(verification.identifier, 'reset-password:%'), eq(verification.value, userId)))
    .returning({ id: verification.id });
  return { credentials: credentials.length, sessions: sessions.length, twoFactor: factors.length, resetLinks: resetLinks.length };
}
