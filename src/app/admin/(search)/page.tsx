import { customerSearchInput, searchCustomers } from '@/modules/customers/service';
import { requireStaffPage } from '@/platform/auth/staff-session';
import { getDb } from '@/platform/db/client';
import { fieldErrorsOf } from '@/platform/http/validation';
import { CustomerSearch } from './customer-search';

export const metadata = { title: 'Customers' };

type Query = Record<string, string | string[] | undefined>;

/** The console's home: find a customer. The first results are rendered here, later ones as one types. */
export default async function CustomersPage({ searchParams }: { searchParams: Promise<Query> }) {
  await requireStaffPage('staff.customers.read');
  const raw = (await searchParams).q;
  const asked = (Array.isArray(raw) ? raw[0] : raw) ?? '';
  const parsed = customerSearchInput.safeParse({ q: asked });
  const initial = parsed.success
    ? { query: parsed.data.q, hits: await searchCustomers(await getDb(), parsed.data) }
    : { query: asked, hits: [], error: fieldErrorsOf(parsed.error).q ?? 'Not a search this box can run.' };
  return (
    <div className="stack stack-lg">
      <div className="page-header">
        <div>
          <h1>Customers</h1>
          <p className="muted">Find a customer by organization name, external id, a member’s email or Stripe customer id.</p>
        </div>
      </div>
      <CustomerSearch initial={initial} />
    </div>
  );
}
