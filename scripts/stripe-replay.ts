// `npm run stripe:replay -- <event id> [<event id> …]`: processes stored Stripe events again, whatever
// their state (after fixing what made them fail). `npm run stripe:replay -- --failed` retries every
// failed event that is due. Stop the portal first when it runs on the embedded database.
import { replayEvent, retryFailedEvents } from '@/modules/stripe-sync/service';
import { getDb } from '@/platform/db/client';
import { runScript } from './run-script';

async function main(): Promise<number> {
  const ids = process.argv.slice(2);
  if (ids.length === 0) {
    console.error('Usage: npm run stripe:replay -- <event id> [<event id> …]   or   npm run stripe:replay -- --failed');
    return 2;
  }
  const db = await getDb();
  if (ids[0] === '--failed') {
    console.info(`Retried ${await retryFailedEvents(db)} failed event(s).`);
    return 0;
  }
  let failures = 0;
  for (const id of ids) {
    const { outcome, lastError } = await replayEvent(db, id);
    console.info(`${id}: ${outcome}${lastError ? ` (${lastError})` : ''}`);
    if (outcome !== 'processed' && outcome !== 'ignored') failures++;
  }
  return failures === 0 ? 0 : 1;
}

runScript(main);
