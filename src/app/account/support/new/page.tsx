import { notFound } from 'next/navigation';
import { contactFormQuery } from '@/modules/support/suggestions/queries';
import { readPage } from '@/platform/actions/read-page';
import { requirePortalSession } from '@/platform/auth/current';
import { isAttemptId, RESUME_PARAM } from '@/modules/support/ui/contact-draft';
import { ContactForm } from './contact-form';

export const metadata = { title: 'Contact support' };

export default async function ContactSupportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePortalSession();
  const resume = (await searchParams)[RESUME_PARAM];
  const read = await readPage(contactFormQuery, {});
  if (read.status !== 'ok') notFound();
  return (
    <div className="stack stack-lg">
      <div className="page-header">
        <div>
          <h1>Contact support</h1>
          <p className="muted">Tell us what you need. As you write, we show the screens and articles that may answer it right away.</p>
        </div>
      </div>
      <ContactForm categories={read.data.categories} canSend={read.data.canSend} resume={typeof resume === 'string' && isAttemptId(resume) ? resume : null} />
    </div>
  );
}
