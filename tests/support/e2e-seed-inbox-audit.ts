// Seeds the portal's fresh database (its DATA_DIR's PGlite, or DATABASE_URL) with a finished inbox audit
// before the portal starts: PGlite is one process's database, so nothing can write to it afterwards but
// the portal. tests/support/e2e-server.ts runs it when E2E_SEED names this file.
import { getDb } from '@/platform/db/client';
import { runScript } from '../../scripts/run-script';
import { E2E_AUDIT_LABEL, E2E_AUDIT_TICKETS } from './e2e-inbox-audit-fixture';
import { seedInboxAudit } from './inbox-audit-fixtures';

async function main(): Promise<number> {
  await seedInboxAudit(await getDb(), E2E_AUDIT_TICKETS, { label: E2E_AUDIT_LABEL });
  console.info(`[e2e] seeded the inbox audit “${E2E_AUDIT_LABEL}”`);
  return 0;
}

runScript(main);
