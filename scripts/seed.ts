// `npm run seed`: lays the demo tenants anew (other data is left alone). Stop the portal first when
// it runs on the embedded database: PGlite is one process's database.
import { DEMO_PASSWORD, DEMO_SIGN_IN, removeDemoData, seedDemoData } from '@/modules/demo/service';
import { closeDb, getDb } from '@/platform/db/client';

async function main(): Promise<void> {
  const db = await getDb();
  await removeDemoData(db);
  await seedDemoData(db);
  await closeDb();
  console.info(`Demo data seeded. Sign in as ${DEMO_SIGN_IN} / ${DEMO_PASSWORD}`);
}

void main();
