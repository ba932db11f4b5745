import Link from 'next/link';
import { actorLabel, listStaffAuditEntries, staffAuditQuery, type StaffAuditEntry } from '@/modules/audit/service';
import { AuditTable } from '@/modules/audit/ui/audit-table';
import { requireStaffPage } from '@/platform/auth/staff-session';
import { getDb } from '@/platform/db/client';
import { fieldErrorsOf } from '@/platform/http/validation';
import { EmptyState } from '@/ui/empty-state';
import { AuditFilters } from './audit-filters';

export const metadata = { title: 'Audit trail' };

type Query = Record<string, string | string[] | undefined>;
const FILTERS = ['actorType', 'organizationId', 'action'] as const;

/** The filters asked for, empty fields left out (a GET form sends them all). */
function askedOf(query: Query): Partial<Record<(typeof FILTERS)[number] | 'before', string>> {
  const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
  return Object.fromEntries([...FILTERS, 'before'].map((name) => [name, single(query[name])]).filter(([, v]) => v !== undefined));
}

function hrefOf(asked: Partial<Record<string, string>>, before?: string): string {
  const params = new URLSearchParams(Object.entries({ ...asked, before }).filter((e): e is [string, string] => Boolean(e[1])));
  const text = params.toString();
  return text ? `/admin/audit?${text}` : '/admin/audit';
}

function Rows({ entries }: { entries: StaffAuditEntry[] }) {
  return (
    <AuditTable
      entries={entries}
      who={(e) => actorLabel(e.actor)}
      customer={(e) => (e.organization ? <Link href={`/admin/customers/${encodeURIComponent(e.organization.id)}`}>{e.organization.name ?? e.organization.id}</Link> : <span className="muted">None</span>)}
      empty={<EmptyState title="No audited change matches" description="Change or clear the filters to see more." />}
    />
  );
}

/** Every audited change across customers, newest first, by whoever made it. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Query> }) {
  await requireStaffPage('staff.audit.read');
  const { before, ...asked } = askedOf(await searchParams);
  const parsed = staffAuditQuery.safeParse({ ...asked, before });
  const page = parsed.success ? await listStaffAuditEntries(await getDb(), parsed.data) : null;
  const errors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const organizationName = asked.organizationId ? (page?.entries[0]?.organization?.name ?? null) : null;
  return (
    <div className="stack stack-lg">
      <div className="page-header">
        <div>
          <h1>Audit trail</h1>
          <p className="muted">Every audited change across customers, newest first: by customers, support staff, the product’s integration and Deflect itself.</p>
        </div>
      </div>
      <AuditFilters asked={asked} errors={errors} organizationName={organizationName} />
      {errors.before ? (
        <p className="banner banner-warning" role="alert">
          That page of the trail does not exist. <Link href={hrefOf(asked)}>Show the newest entries</Link>
        </p>
      ) : null}
      {page ? <Rows entries={page.entries} /> : null}
      {page && (before || page.nextBefore) ? (
        <nav className="row" aria-label="Pages">
          {before ? <Link href={hrefOf(asked)}>Newest</Link> : null}
          {page.nextBefore ? <Link href={hrefOf(asked, page.nextBefore)}>Older entries</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
