import Link from 'next/link';
import { notFound } from 'next/navigation';
import { supportCategories, supportCategoryIds } from '@config/support-categories';
import { adapters } from '@/modules/inbox-audit/adapters';
import { ticketsQuery } from '@/modules/inbox-audit/inputs';
import { categoryCounts, findAudit, previousAudit, ticketsPage, TICKETS_PAGE, type AuditView } from '@/modules/inbox-audit/queries';
import { topReasons } from '@/modules/inbox-audit/top';
import { AuditStatus, auditPeriod } from '@/modules/inbox-audit/ui/audit-status';
import { Comparison } from '@/modules/inbox-audit/ui/comparison';
import { ImportProgress } from '@/modules/inbox-audit/ui/import-progress';
import { TicketsTable } from '@/modules/inbox-audit/ui/tickets-table';
import { TopChart } from '@/modules/inbox-audit/ui/top-chart';
import { canCorrectAudits } from '@/modules/inbox-audit/service';
import { requireStaffPage } from '@/platform/auth/staff-session';
import { getDb } from '@/platform/db/client';
import { publicPath } from '@/platform/http/portal-path';
import { EmptyState } from '@/ui/empty-state';
import { correctTicketAction } from '../actions';

export const metadata = { title: 'Inbox audit' };

type Query = Record<string, string | string[] | undefined>;
const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

/** One run: its progress while importing; then its top 15, its reported rows, the run before it, and its tickets to correct. */
export default async function InboxAuditPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Query> }) {
  const me = await requireStaffPage('staff.inbox_audits.read');
  const db = await getDb();
  const audit = await findAudit(db, (await params).id);
  if (!audit) notFound();
  const query = await searchParams;
  // An odd filter shows every ticket rather than an error: the filter is a form of links.
  const filter = ticketsQuery.catch(ticketsQuery.parse({})).parse({ category: single(query.category), page: single(query.page) });
  const base = `/admin/inbox-audits/${encodeURIComponent(audit.id)}`;
  const api = (file: string) => publicPath(`/api/admin/inbox-audits/${encodeURIComponent(audit.id)}/${file}`);

  return (
    <div className="stack stack-lg">
      <div className="page-header">
        <div>
          <p className="small">
            <Link href="/admin/inbox-audits">All inbox audits</Link>
          </p>
          <h1>{audit.label}</h1>
          <p className="muted">
            <AuditStatus audit={audit} /> {adapters.find((a) => a.source === audit.source)?.label ?? 'Detecting the help desk'} · tickets from {auditPeriod(audit)} ·{' '}
            {audit.imported.toLocaleString('en')} imported of {audit.rows.toLocaleString('en')} rows · {audit.duplicates.toLocaleString('en')} duplicates ·{' '}
            {audit.invalidCount.toLocaleString('en')} reported
          </p>
        </div>
        {audit.status === 'ready' ? (
          <span className="row row-end">
            <a className="btn btn-secondary" href={api('top.csv')} download>
              top.csv
            </a>
            <a className="btn btn-secondary" href={api('tickets.csv')} download>
              tickets.csv
            </a>
          </span>
        ) : null}
      </div>

      {audit.status === 'importing' ? (
        <section className="card" aria-label="Import">
          <ImportProgress auditId={audit.id} initial={audit} />
        </section>
      ) : null}
      {audit.status === 'failed' ? (
        <p role="alert" className="form-error">
          The import failed: {audit.failure}
        </p>
      ) : null}
      {audit.status === 'ready' ? <Results audit={audit} canCorrect={canCorrectAudits(me.role)} filter={filter} base={base} /> : null}
      {audit.invalid.length > 0 ? (
        <section className="card stack" aria-labelledby="invalid-heading">
          <h2 id="invalid-heading">Reported rows</h2>
          <ul className="small">
            {audit.invalid.map((row) => (
              <li key={`${row.line}-${row.reason}`}>
                Line {row.line}: {row.reason}
              </li>
            ))}
          </ul>
          {audit.invalidCount > audit.invalid.length ? <p className="small muted">And {(audit.invalidCount - audit.invalid.length).toLocaleString('en')} more not listed.</p> : null}
        </section>
      ) : null}
    </div>
  );
}

async function Results({ audit, canCorrect, filter, base }: { audit: AuditView; canCorrect: boolean; filter: { category?: string; page: number }; base: string }) {
  const db = await getDb();
  const auditId = audit.id;
  const [reasons, previous, page] = await Promise.all([topReasons(db, auditId), previousAudit(db, audit), ticketsPage(db, auditId, filter)]);
  const [now, before] = previous ? await Promise.all([categoryCounts(db, auditId), categoryCounts(db, previous.id)]) : [null, null];
  const pages = Math.max(1, Math.ceil(page.total / TICKETS_PAGE));
  const pageLink = (n: number) => `${base}?${new URLSearchParams({ ...(filter.category ? { category: filter.category } : {}), page: String(n) })}`;
  return (
    <>
      <section className="card stack" aria-labelledby="top-heading">
        <h2 id="top-heading">Top {reasons.length} reasons</h2>
        {reasons.length > 0 ? <TopChart reasons={reasons} /> : <EmptyState title="No tickets in this export" />}
        <p className="small muted">
          Share: of this run’s tickets. Median: hours from a ticket’s creation to its close, over closed tickets. Cost: tickets × median hours × the support cost per
          hour (the <code>SUPPORT_COST_PER_HOUR</code> setting).
        </p>
      </section>

      {previous && now && before ? (
        <section className="card stack" aria-labelledby="compare-heading">
          <h2 id="compare-heading">Against the previous run</h2>
          <Comparison label="This run" previousLabel={previous.label} now={now} before={before} />
        </section>
      ) : null}

      <section className="card stack" aria-labelledby="tickets-heading">
        <h2 id="tickets-heading">Tickets</h2>
        <form className="row" method="get" aria-label="Filter tickets">
          <label className="stack-sm">
            <span className="small">Category</span>
            <select name="category" className="input" defaultValue={filter.category ?? ''}>
              <option value="">All</option>
              {supportCategoryIds.map((id) => (
                <option key={id} value={id}>
                  {supportCategories[id].label}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="btn btn-secondary">
            Filter
          </button>
        </form>
        <TicketsTable auditId={auditId} tickets={page.tickets} correct={canCorrect ? correctTicketAction : null} />
        {pages > 1 ? (
          <nav className="row small" aria-label="Pages of tickets">
            {filter.page > 1 ? <Link href={pageLink(filter.page - 1)}>Previous</Link> : null}
            <span>
              Page {filter.page} of {pages} ({page.total.toLocaleString('en')} tickets)
            </span>
            {filter.page < pages ? <Link href={pageLink(filter.page + 1)}>Next</Link> : null}
          </nav>
        ) : null}
      </section>
    </>
  );
}
