import { redirect } from 'next/navigation';
import { portalPath } from '@/platform/http/portal-path';

/**
 * The way back from the host's sign-in for an invitee: a handoff `path` must be an /account path,
 * so the host sends people here and they continue to the invitation.
 */
export default async function JoinPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token = '' } = await searchParams;
  redirect(portalPath(`/invitations/accept?token=${encodeURIComponent(token)}`));
}
