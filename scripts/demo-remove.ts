// `npm run demo:remove`: deletes the demo tenants and their people (public password), nothing else.
// Stop the portal first when it runs on the embedded database: PGlite is one process's database.
import { removeDemoData } from '@/modules/demo/service';
import { getDb } from '@/platform/db/client';
import { runScript } from './run-script';

runScript(async () => {
  const removed = await removeDemoData(await getDb());
  console.info(`Removed the demo data: ${removed.organizations} organizations, ${removed.users} people.`);
  return 0;
});
