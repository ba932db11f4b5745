import Link from 'next/link';
import { notFound } from 'next/navigation';
import { helpSection } from '@/modules/help/inputs';
import { articleDraftFromTicket, type ArticleDraft } from '@/modules/help/ticket-draft';
import { ArticleForm } from '@/modules/help/ui/article-form';
import { requireStaffPage } from '@/platform/auth/staff-session';
import { getDb } from '@/platform/db/client';
import { AppError } from '@/platform/http/errors';
import { isPlausibleSegment } from '@/platform/http/path-segments';
import { createArticleAction } from '../actions';

export const metadata = { title: 'New help article' };

type Query = Record<string, string | string[] | undefined>;
const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

/** The draft from a solved ticket, or why there is none (a ticket not solved yet); 404 for an unknown ticket. */
async function draftOf(me: Awaited<ReturnType<typeof requireStaffPage>>, ticketId: string): Promise<{ draft?: ArticleDraft; problem?: string }> {
  if (!isPlausibleSegment(ticketId)) notFound();
  try {
    return { draft: await articleDraftFromTicket(me, await getDb(), ticketId) };
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    if (error instanceof AppError && error.code === 'validation_failed') return { problem: error.message };
    throw error;
  }
}

/** A new article: blank, in a given section, or drafted from a solved ticket (`?fromTicket=`). */
export default async function NewHelpArticlePage({ searchParams }: { searchParams: Promise<Query> }) {
  const me = await requireStaffPage('staff.help.write');
  const query = await searchParams;
  const ticketId = single(query.fromTicket);
  const { draft, problem } = ticketId ? await draftOf(me, ticketId) : {};
  const section = helpSection.safeParse(single(query.section));
  const article = draft ?? (section.success ? { section: section.data, slug: '', title: '', body: '', locale: 'en', published: false } : undefined);
  return (
    <div className="stack stack-lg">
      <div className="page-header">
        <div>
          <h1>New help article</h1>
          <p className="muted">Markdown; links to portal pages (such as /account/billing) stay inside the portal. Scripts and raw styling are removed.</p>
        </div>
      </div>
      {draft && ticketId ? (
        <p className="banner" role="status">
          Drafted from <Link href={`/admin/tickets/${encodeURIComponent(ticketId)}`}>a solved ticket</Link>: the customer’s question and the public answer, with names, the company, email addresses, phone numbers and private links replaced by placeholders. Read it through before you publish.
        </p>
      ) : null}
      {problem ? (
        <p className="banner banner-warning" role="alert">
          {problem}
        </p>
      ) : null}
      <section className="card">
        <ArticleForm action={createArticleAction} article={article} submitLabel="Save article" />
      </section>
    </div>
  );
}
