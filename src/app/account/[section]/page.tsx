import { notFound } from 'next/navigation';
import { sections } from '@/platform/config/sections';
import { EmptyState } from '@/ui/empty-state';

/** Sections that have not shipped yet: a tidy placeholder; disabled or unknown ones are 404. */
export default async function ComingSoonPage({ params }: { params: Promise<{ section: string }> }) {
  const { section: id } = await params;
  const section = sections.find((s) => s.id === id);
  if (!section || section.ready) notFound(); // switched-off sections never get here: see proxy.ts
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{section.label}</h1>
        </div>
      </div>
      <EmptyState title={`${section.label} is coming soon`} description="This part of your account is on its way. Until then, our support team is happy to help." />
    </>
  );
}
