import { and, eq, gt, isNull } from 'drizzle-orm';
import { user } from '@/platform/auth/schema';
import { hashToken, newOpaqueToken } from '@/platform/crypto/tokens';
import type { Db } from '@/platform/db/types';
import { portalUrlFor } from '@/platform/http/portal-url';
import { renderMail } from '@/platform/mail/layout';
import type { MailTemplate } from '@/platform/mail/templates';
import { organization } from '@/platform/tenancy/schema';
import { invitation } from './schema';

export function invitationMail({
  organizationName,
  inviterName,
  role,
  url,
}: {
  organizationName: string;
  inviterName: string;
  role: string;
  url: string;
}): MailTemplate {
  return {
    // Names are user input; keep the subject on one line whatever they contain.
    subject: `${inviterName} invited you to join ${organizationName}`.replace(/\s+/g, ' '),
    ...renderMail({
      preheader: `Join ${organizationName} as ${role}.`,
      heading: `Join ${organizationName}`,
      paragraphs: [`${inviterName} invited you to join ${organizationName} as ${role}.`, 'Accept the invitation to get access.'],
      action: { label: 'Accept invitation', url },
      footer: 'If you were not expecting this invitation, you can ignore this email.',
    }),
  };
}

/** An invitation's random placeholder hash: set when it is made or resent, replaced by the link the mail carries. */
export function unmailedTokenHash(): string {
  return hashToken(newOpaqueToken());
}

/**
 * A fresh link for an open invitation: its hash replaces the invitation's, so the links issued before
 * stop working. Null when the invitation is no longer open (accepted, revoked or expired). One of the
 * writes listed in src/platform/actions/outside-pipeline.ts.
 */
export async function issueInvitationToken(db: Db, invitationId: string) {
  const token = newOpaqueToken();
  const [issued] = await db
    .update(invitation)
    .set({ tokenHash: hashToken(token) })
    .where(and(eq(invitation.id, invitationId), isNull(invitation.acceptedAt), isNull(invitation.revokedAt), gt(invitation.expiresAt, new Date())))
    .returning({ email: invitation.email, role: invitation.role, organizationId: invitation.organizationId, invitedBy: invitation.invitedBy });
  return issued ? { ...issued, token } : null;
}

/**
 * The invitation mail, for the consumer of `team.member_invited` and `team.invitation_resent`: the
 * token exists only in the mail (never in the outbox, whose payloads go to the host's webhooks), so it
 * is issued here, when the mail goes out. Each attempt, a retry included, issues its own: the newest
 * mail's link is the one that works. Null when the invitation is no longer open: nothing to mail.
 */
export async function issueInvitationMail(db: Db, invitationId: string): Promise<{ to: string; mail: MailTemplate } | null> {
  const issued = await issueInvitationToken(db, invitationId);
  if (!issued) return null;
  const [org] = await db.select({ name: organization.name }).from(organization).where(eq(organization.id, issued.organizationId));
  const [inviter] = issued.invitedBy ? await db.select({ email: user.email }).from(user).where(eq(user.id, issued.invitedBy)) : [];
  const url = portalUrlFor(`/invitations/accept?token=${encodeURIComponent(issued.token)}`);
  return { to: issued.email, mail: invitationMail({ organizationName: org?.name ?? 'your team', inviterName: inviter?.email ?? 'Your team', role: issued.role, url }) };
}
