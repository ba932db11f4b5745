import { getDb } from '@/platform/db/client';
import { DEMO_DOMAINS, demoAccountsPresent } from '../service';

/** Shown on every sign-in and portal page while accounts with the public demo password exist. */
export async function DemoBanner() {
  if (!(await demoAccountsPresent(await getDb()))) return null;
  return (
    <aside className="banner banner-danger demo-banner" aria-label="Demo data">
      <strong>Demo data is loaded.</strong> Accounts at {DEMO_DOMAINS.join(', ')} sign in with a public password. Remove them with{' '}
      <code>npm run demo:remove</code> before real customers use this portal.
    </aside>
  );
}
