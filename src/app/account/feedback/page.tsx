import Link from 'next/link';
import { portalPage } from '@/modules/feedback/service';
import { FeedbackForm } from '@/modules/feedback/ui/feedback-form';
import { requirePortalSession } from '@/platform/auth/current';
import { portalPath } from '@/platform/http/portal-path';
import { sendFeedbackAction } from './actions';

export const metadata = { title: 'Feedback' };

type Query = Record<string, string | string[] | undefined>;
const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The feedback button's form: a bug, an idea or a question about the page the button was pressed on. */
export default async function FeedbackPage({ searchParams }: { searchParams: Promise<Query> }) {
  await requirePortalSession();
  const query = await searchParams;
  // Anything but a portal page (a URL, a made-up path) reads as the portal's home.
  const from = portalPage(single(query.from) ?? '') ?? '/account';
  const sent = single(query.sent) === '1';
  return (
    <div className="stack stack-lg">
      <div className="page-header">
        <div>
          <h1>Feedback</h1>
          <p className="muted">
            Tell us about a bug, an idea or a question about <code>{from}</code>.
          </p>
        </div>
        <Link href={portalPath(from)}>Back to the page</Link>
      </div>
      {sent ? (
        <p className="banner" role="status">
          Thanks — we read every message.
        </p>
      ) : null}
      <section className="card">
        <FeedbackForm page={from} send={sendFeedbackAction} />
      </section>
    </div>
  );
}
