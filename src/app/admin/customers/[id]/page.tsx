import Link from 'next/link';
import { notFound } from 'next/navigation';
import { customerActionsFor, customerOverview } from '@/modules/customers/service';
import { MarkPaidButton } from '@/modules/invoices/ui/mark-paid-button';
import { StripeSyncButton } from '@/modules/stripe-sync/ui/stripe-sync-button';
import { InvitationButtons } from '@/modules/team/ui/invitation-buttons';
import { customerTimeline, listedKinds, timelineQuery, type TimelineKind } from '@/modules/timeline/service';
import { requireStaffPage } from '@/platform/auth/staff-session';
import { getDb } from '@/platform/db/client';
import { AppError } from '@/platform/http/errors';
import { isPlausibleSegment } from '@/platform/http/path-segments';
import { formatDate } from '@/ui/date';
import { BillingSection } from './billing-section';
import { InvoicesSection } from './invoices-section';
import { KeysSection } from './keys-section';
import { TeamSection } from './team-section';
import { TimelineSection } from './timeline-section';
import { UsageSection } from './usage-section';

export const metadata = { title: 'Customer' };

type Query = Record<string, string | string[] | undefined>;
/** Entries per page of the timeline on screen (the API's default is larger). */
const TIMELINE_PAGE = 25;
const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

async function overviewOr404(organizationId: string) {
  try {
    return await customerOverview(await getDb(), organizationId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
}

/**
 * One customer for the support team: who they are, their plan, team, keys, usage and invoices, and
 * everything that happened to them on one timeline, with the staff actions this member may run:
 * confirm a payment, resend or revoke an invitation, replay a failed Stripe event, re-sync.
 */
export default async function CustomerPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Query> }) {
  const staff = await requireStaffPage('staff.customers.read');
  const { id } = await params;
  if (!isPlausibleSegment(id)) notFound();
  const overview = await overviewOr404(id);
  const query = await searchParams;
  const asked = single(query.kinds);
  const kind = listedKinds.find((k) => k === asked) as TimelineKind | undefined;
  const parsed = timelineQuery.safeParse({ kinds: kind, before: single(query.before), limit: TIMELINE_PAGE });
  const timeline = parsed.success ? parsed.data : timelineQuery.parse({ kinds: kind, limit: TIMELINE_PAGE });
  const before = parsed.success && parsed.data.before ? single(query.before) : undefined;
  const page = await customerTimeline(await getDb(), id, timeline);
  const { organization } = overview;
  const may = customerActionsFor(staff);

  return (
    <div className="stack stack-lg">
      <div className="page-header">
        <div>
          <p className="small">
            <Link href="/admin">Customers</Link>
          </p>
          <h1>{organization.name}</h1>
          <p className="muted small">
            <span className="mono">{organization.externalId ?? 'no external id'}</span> · id <span className="mono">{organization.id}</span> · customer since {formatDate(organization.createdAt)}
          </p>
        </div>
        <Link className="btn btn-secondary" href={`/admin/audit?organizationId=${encodeURIComponent(organization.id)}`}>
          Audit trail
        </Link>
      </div>
      <BillingSection overview={overview} actions={may.syncFromStripe && organization.stripeCustomerId ? <StripeSyncButton organizationId={organization.id} /> : undefined} />
      <TeamSection overview={overview} invitationActions={may.invitations ? (invitation) => <InvitationButtons organizationId={organization.id} invitation={invitation} /> : undefined} />
      <InvoicesSection overview={overview} actions={may.markPaid ? (invoice) => <MarkPaidButton organizationId={organization.id} invoice={invoice} /> : undefined} />
      <UsageSection overview={overview} />
      <KeysSection overview={overview} />
      <TimelineSection organizationId={organization.id} kind={kind} page={page} before={before} pageSize={TIMELINE_PAGE} canReplay={may.replayEvents} />
    </div>
  );
}
