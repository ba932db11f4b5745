import { notFound } from 'next/navigation';
import { requirePortalSession } from '@/platform/auth/current';
import { getConfig } from '@/platform/config';
import { sections } from '@config/sections';
import { isSectionEnabled } from '@/platform/config/sections';
import { ButtonLink } from '@/ui/button';
import { EmptyState } from '@/ui/empty-state';

function supportMailto(address: string, organizationName: string): string {
  return `mailto:${address}?subject=${encodeURIComponent(`Help with ${organizationName}'s account`)}`;
}

/** Sections that have not shipped yet: a placeholder with the way to reach support; others are 404. */
export default async function ComingSoonPage({ params }: { params: Promise<{ section: string }> }) {
  const { section: id } = await params;
  const section = sections.find((s) => s.id === id);
  // Switched-off sections never get here (see proxy.ts); without SUPPORT_EMAIL the upcoming ones are off.
  if (!section || section.ready || !isSectionEnabled(section.id)) notFound();
  const address = getConfig().SUPPORT_EMAIL!;
  const session = await requirePortalSession();
  const mailto = supportMailto(address, session.organization.name);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{section.label}</h1>
        </div>
      </div>
      <EmptyState
        title={`${section.label} is coming soon`}
        description={
          <p>
            Until then, our support team answers at <a href={mailto}>{address}</a>.
          </p>
        }
        action={<ButtonLink href={mailto}>Email support</ButtonLink>}
      />
    </>
  );
}
