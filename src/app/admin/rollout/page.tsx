import { allowlistNames, listSectionRollouts, type RolloutView } from '@/modules/rollout/service';
import { RolloutEditor } from '@/modules/rollout/ui/rollout-editor';
import { requireStaffPage } from '@/platform/auth/staff-session';
import { getDb } from '@/platform/db/client';
import { formatDate } from '@/ui/date';
import { switchSectionAction } from './actions';

export const metadata = { title: 'Rollout' };

function summaryOf(r: RolloutView, names: Record<string, string>): string {
  switch (r.mode) {
    case 'off':
      return 'Off for every customer';
    case 'on':
      return 'On for every customer';
    case 'percentage':
      return `${r.percentage} % of organizations`;
    case 'allowlist':
      return r.organizations.length === 0 ? 'Allowlist, empty' : `Allowlist: ${r.organizations.map((id) => names[id] ?? id).join(', ')}`;
  }
}

/** Who sees each portal section: off, on, a stable percentage of organizations or an allowlist. */
export default async function RolloutPage() {
  await requireStaffPage('staff.rollout.read');
  const db = await getDb();
  const rollouts = await listSectionRollouts(db);
  const names = await allowlistNames(db, rollouts);
  return (
    <div className="stack stack-lg">
      <div className="page-header">
        <div>
          <h1>Rollout</h1>
          <p className="muted">
            Each portal section is off, on, shown to a stable percentage of organizations, or to an allowlist. A section that is off for a customer leaves their navigation and its pages answer
            “not found”. The first switch that shows a section to customers records its launch, the “after” of the deflection figures.
          </p>
        </div>
      </div>
      {rollouts.map((r) => (
        <section key={r.section} className="card stack" aria-labelledby={`rollout-${r.section}`}>
          <div className="row row-between">
            <h2 id={`rollout-${r.section}`}>{r.label}</h2>
            <span className={`badge ${r.mode === 'off' || r.forcedOff ? 'badge-warning' : 'badge-success'}`}>{summaryOf(r, names)}</span>
          </div>
          <p className="small muted">{r.launchedAt ? `Launched ${formatDate(r.launchedAt)}.` : 'Not launched through a rollout yet.'}</p>
          {r.forcedOff ? (
            <p className="banner banner-warning" role="note">
              The operator’s DISABLED_SECTIONS switches {r.label} off for every customer; this rollout applies once it is removed from that setting.
            </p>
          ) : null}
          <RolloutEditor section={r.section} label={r.label} current={{ mode: r.mode, percentage: r.percentage, organizations: r.organizations }} names={names} action={switchSectionAction} />
        </section>
      ))}
    </div>
  );
}
