import { renderMail } from '@/platform/mail/layout';
import { sendMail } from '@/platform/mail/send-mail';
import type { MailTemplate } from '@/platform/mail/templates';
import { portalUrlFor } from '@/platform/http/portal-url';

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

/** The invitation's link, to the address it was made out to. */
export async function mailInvitation(invitation: { email: string; role: string }, organizationName: string, inviterName: string, token: string): Promise<void> {
  const url = portalUrlFor(`/invitations/accept?token=${encodeURIComponent(token)}`);
  await sendMail({ to: invitation.email, ...invitationMail({ organizationName, inviterName, role: invitation.role, url }) });
}
