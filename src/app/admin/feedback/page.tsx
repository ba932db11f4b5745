import Link from 'next/link';
import { feedbackKinds, listFeedback, staffFeedbackQuery } from '@/modules/feedback/service';
import { FeedbackTable } from '@/modules/feedback/ui/feedback-table';
import { requireStaffPage } from '@/platform/auth/staff-session';
import { getDb } from '@/platform/db/client';

export const metadata = { title: 'Feedback' };

const filters = [
  { kind: undefined, label: 'All' },
  ...feedbackKinds.map((kind) => ({ kind, label: { bug: 'Bugs', idea: 'Ideas', question: 'Questions' }[kind] })),
];

/** What customers sent with the portal's Feedback button, newest first; by kind. */
export default async function FeedbackPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaffPage('staff.feedback.read');
  const asked = (await searchParams).kind;
  // An unknown kind shows everything rather than an error: the filter is a link, not a form.
  const query = staffFeedbackQuery.catch(staffFeedbackQuery.parse({})).parse({ kind: Array.isArray(asked) ? asked[0] : asked });
  const { feedback } = await listFeedback(await getDb(), query);
  return (
    <div className="stack stack-lg">
      <div className="page-header">
        <div>
          <h1>Feedback</h1>
          <p className="muted">Bugs, ideas and questions customers sent from the portal, with the page each came from. Newest first.</p>
        </div>
      </div>
      <nav className="row" aria-label="Filter by kind">
        {filters.map((f) => (
          <Link key={f.label} href={f.kind ? `/admin/feedback?kind=${f.kind}` : '/admin/feedback'} aria-current={query.kind === f.kind ? 'page' : undefined}>
            {f.label}
          </Link>
        ))}
      </nav>
      <FeedbackTable feedback={feedback} />
    </div>
  );
}
