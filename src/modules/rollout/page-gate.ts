import { notFound } from 'next/navigation';
import { requirePortalSession } from '@/platform/auth/current';
import { isSectionOnFor } from './gate';

/**
 * A section's pages are not found for an organization the section is not rolled out to. Each section's
 * own layout asks: the account layout above them does not run again on a client-side navigation.
 */
export async function requireSectionOpen(section: string): Promise<void> {
  const session = await requirePortalSession();
  if (!(await isSectionOnFor(section, session.organization.id))) notFound();
}
