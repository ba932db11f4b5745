import Link from 'next/link';
import { sections } from '@config/sections';
import { allArticles } from '@/modules/help/articles';
import { adminListInput, HELP_LOCALES } from '@/modules/help/inputs';
import { canWriteHelp } from '@/modules/help/service';
import { requireStaffPage } from '@/platform/auth/staff-session';
import { getDb } from '@/platform/db/client';
import { ButtonLink } from '@/ui/button';
import { formatDate } from '@/ui/date';
import { EmptyState } from '@/ui/empty-state';
import { Table } from '@/ui/table';

export const metadata = { title: 'Help articles' };

type Query = Record<string, string | string[] | undefined>;
const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
const sectionLabel = (id: string) => sections.find((s) => s.id === id)?.label ?? id;

/** The help drawer's articles, drafts included, filtered by section, locale and state. */
export default async function HelpArticlesPage({ searchParams }: { searchParams: Promise<Query> }) {
  const me = await requireStaffPage('staff.help.read');
  const query = await searchParams;
  const parsed = adminListInput.safeParse({ section: single(query.section), locale: single(query.locale), published: single(query.published) });
  const filter = parsed.success ? parsed.data : {};
  const articles = await allArticles(await getDb(), filter);
  const canWrite = canWriteHelp(me.role);
  return (
    <div className="stack stack-lg">
      <div className="page-header">
        <div>
          <h1>Help articles</h1>
          <p className="muted">What customers read in each portal section’s Help drawer. A published article shows at the customer’s next page load.</p>
        </div>
        <span className="row row-end">
          <ButtonLink href="/admin/help/attention" variant="secondary">
            Needs attention
          </ButtonLink>
          {canWrite ? <ButtonLink href="/admin/help/new">New article</ButtonLink> : null}
        </span>
      </div>

      <form className="row" method="get" aria-label="Filter articles">
        <label className="stack-sm">
          <span className="small">Section</span>
          <select name="section" className="input" defaultValue={filter.section ?? ''}>
            <option value="">All</option>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label className="stack-sm">
          <span className="small">Locale</span>
          <select name="locale" className="input" defaultValue={filter.locale ?? ''}>
            <option value="">All</option>
            {HELP_LOCALES.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label className="stack-sm">
          <span className="small">State</span>
          <select name="published" className="input" defaultValue={filter.published ?? ''}>
            <option value="">All</option>
            <option value="true">Published</option>
            <option value="false">Draft</option>
          </select>
        </label>
        <button type="submit" className="btn btn-secondary">
          Filter
        </button>
      </form>

      <Table
        caption="Help articles"
        columns={[
          { key: 'title', header: 'Title', rowHeader: true },
          { key: 'section', header: 'Section' },
          { key: 'locale', header: 'Locale' },
          { key: 'state', header: 'State' },
          { key: 'updated', header: 'Updated' },
        ]}
        rows={articles.map((a) => ({
          key: a.id,
          title: <Link href={`/admin/help/${encodeURIComponent(a.id)}`}>{a.title}</Link>,
          section: sectionLabel(a.section),
          locale: a.locale,
          state: a.published ? <span className="badge badge-success">Published</span> : <span className="badge">Draft</span>,
          updated: formatDate(a.updatedAt),
        }))}
        empty={<EmptyState title="No article matches" description="Change the filters, or write the first article." />}
      />
    </div>
  );
}
