// `npm run stripe:sync`: backfills the customer, subscription and invoices of every organization
// linked to a Stripe customer. Idempotent: run it at first install and whenever drift is suspected.
// Stop the portal first when it runs on the embedded database.
import { syncAllOrganizations } from '@/modules/stripe-sync/service';
import { isStripeConfigured } from '@/platform/stripe/client';
import { getDb } from '@/platform/db/client';
import { runScript } from './run-script';

async function main(): Promise<number> {
  if (!isStripeConfigured()) {
    console.error('STRIPE_SECRET_KEY is not set: there is nothing to sync.');
    return 2;
  }
  const { synced, failed } = await syncAllOrganizations(await getDb(), (line) => console.info(line));
  console.info(`Stripe sync done: ${synced} organization(s) synced, ${failed} failed.`);
  return failed === 0 ? 0 : 1;
}

runScript(main);
