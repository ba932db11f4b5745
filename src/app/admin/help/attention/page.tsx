import Link from 'next/link';
import { sections } from '@config/sections';
import { articlesDeflectingLess, articlesLessHelpful, trendDefinitions, TREND_DAYS, type FallingArticle } from '@/modules/help/falling-articles';
import { canWriteHelp } from '@/modules/help/service';
import { uncoveredCategories, uncoveredDefinition, UNCOVERED_DAYS } from '@/modules/help/uncovered-categories';
import { requireStaffPage } from '@/platform/auth/staff-session';
import { getDb } from '@/platform/db/client';
import { EmptyState } from '@/ui/empty-state';
import { Table } from '@/ui/table';

export const metadata = { title: 'Help articles needing attention' };

const sectionLabel = (id: string) => sections.find((s) => s.id === id)?.label ?? id;
const rate = ({ count, hits }: { count: number; hits: number }) => `${Math.round((100 * hits) / count)} % (${hits} of ${count})`;

function FallingTable({ caption, unit, articles }: { caption: string; unit: string; articles: FallingArticle[] }) {
  return (
    <Table
      caption={caption}
      columns={[
        { key: 'title', header: 'Article', rowHeader: true },
        { key: 'section', header: 'Section' },
        { key: 'before', header: `Previous ${TREND_DAYS} days`, align: 'right' },
        { key: 'now', header: `Last ${TREND_DAYS} days`, align: 'right' },
      ]}
      rows={articles.map((a) => ({
        key: a.id,
        title: <Link href={`/admin/help/${encodeURIComponent(a.id)}`}>{a.title}</Link>,
        section: `${sectionLabel(a.section)} · ${a.locale}`,
        before: rate(a.before),
        now: rate(a.now),
      }))}
      empty={<EmptyState title={`No article’s ${unit} fell`} description="Or none had enough in both periods to compare." />}
    />
  );
}

/** What to fix or write next: articles helping less than a month ago, and frequent reasons to write in with no article. */
export default async function HelpAttentionPage() {
  const me = await requireStaffPage('staff.help.read');
  const db = await getDb();
  const [lessHelpful, deflectingLess, uncovered] = await Promise.all([articlesLessHelpful(db), articlesDeflectingLess(db), uncoveredCategories(db)]);
  const canWrite = canWriteHelp(me.role);
  return (
    <div className="stack stack-lg">
      <p>
        <Link href="/admin/help">← Help articles</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>Needs attention</h1>
          <p className="muted">{trendDefinitions.drop}</p>
        </div>
      </div>

      <section className="stack" aria-labelledby="less-helpful-heading">
        <h2 id="less-helpful-heading">Less helpful than before</h2>
        <p className="muted">{trendDefinitions.helpfulRate}</p>
        <FallingTable caption="Helpful-vote rate" unit="helpful-vote rate" articles={lessHelpful} />
      </section>

      <section className="stack" aria-labelledby="deflecting-less-heading">
        <h2 id="deflecting-less-heading">Deflecting less than before</h2>
        <p className="muted">{trendDefinitions.deflectionRate}</p>
        <FallingTable caption="Deflection rate" unit="deflection rate" articles={deflectingLess} />
      </section>

      <section className="stack" aria-labelledby="uncovered-heading">
        <h2 id="uncovered-heading">Many tickets, no article</h2>
        <p className="muted">{uncoveredDefinition}</p>
        <Table
          caption={`Categories with many tickets in the last ${UNCOVERED_DAYS} days and no article`}
          columns={[
            { key: 'label', header: 'Category', rowHeader: true },
            { key: 'section', header: 'Section an article belongs in' },
            { key: 'tickets', header: 'Tickets', align: 'right' },
            ...(canWrite ? [{ key: 'write', header: <span className="sr-only">Write</span>, align: 'right' as const }] : []),
          ]}
          rows={uncovered.map((c) => ({
            key: c.category,
            label: c.label,
            section: sectionLabel(c.section),
            tickets: c.tickets,
            write: <Link href={`/admin/help/new?section=${encodeURIComponent(c.section)}`}>Write an article for {c.label}</Link>,
          }))}
          empty={<EmptyState title="Every frequent reason has an article" description="No category reached the threshold without one." />}
        />
      </section>
    </div>
  );
}
