import { desc, eq } from 'drizzle-orm';
import { UAParser } from 'ua-parser-js';
import { session } from '@/platform/auth/schema';
import type { PortalSession } from '@/platform/auth/session';
import type { Db } from '@/platform/db/types';

// What the staff console's sign-in shares with the customers': the same rules for the same fields,
// Better Auth's refusals in the same words, and the same limits on wrong passwords and codes.
export { viaBetterAuth } from './better-auth-errors';
export { changeEmailVerificationMail } from './email-change-mail';
export { email, password, passwordOnlyInput, personName, signInInput, twoFactorChallengeInput, verifyTwoFactorInput } from './inputs';
export { assertSignInAllowed, countingWrongPasswords, forgetWrongPasswords } from './sign-in-failures';
export { countingWrongCodes } from './two-factor-failures';

export function meView(s: PortalSession) {
  return {
    user: { id: s.user.id, email: s.user.email, name: s.user.name },
    organization: s.organization,
    role: s.role,
    identity: s.identity,
  };
}

export type SessionRow = {
  id: string;
  current: boolean;
  browser: string;
  device: string;
  ip: string | null;
  lastSeenAt: string;
  createdAt: string;
};

function describeAgent(userAgent: string | null): { browser: string; device: string } {
  if (!userAgent) return { browser: 'Unknown browser', device: 'Unknown device' };
  const ua = UAParser(userAgent);
  const browser = [ua.browser.name, ua.browser.major].filter(Boolean).join(' ') || 'Unknown browser';
  const os = [ua.os.name, ua.os.version].filter(Boolean).join(' ');
  const kind = ua.device.type === 'mobile' ? 'Phone' : ua.device.type === 'tablet' ? 'Tablet' : 'Computer';
  return { browser, device: os ? `${kind} · ${os}` : kind };
}

export async function listSessions(db: Db, userId: string, currentSessionId: string): Promise<SessionRow[]> {
  const rows = await db
    .select({ id: session.id, userAgent: session.userAgent, ip: session.ipAddress, lastSeenAt: session.lastSeenAt, createdAt: session.createdAt, expiresAt: session.expiresAt })
    .from(session)
    .where(eq(session.userId, userId))
    .orderBy(desc(session.createdAt));
  const now = Date.now();
  return rows
    .filter((r) => r.expiresAt.getTime() > now)
    .map((r) => ({
      id: r.id,
      current: r.id === currentSessionId,
      ...describeAgent(r.userAgent),
      ip: r.ip,
      lastSeenAt: (r.lastSeenAt ?? r.createdAt).toISOString(),
      createdAt: r.createdAt.toISOString(),
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}
