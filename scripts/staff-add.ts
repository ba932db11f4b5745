// `npm run staff:add -- lead@vendor.example --role lead [--name "Lee Lead"]`: adds a member of the
// support team and prints their one-time set-up link (a password, then two-factor). This is how the
// first lead gets in; later ones are added from the console's Staff page. Stop the portal first when
// it runs on the embedded database: PGlite is one process's database.
import { parseArgs } from 'node:util';
import { inviteStaff, SET_UP_TTL_MS } from '@/modules/staff/service';
import { executeAction } from '@/platform/actions/execute';
import { AppError } from '@/platform/http/errors';
import { runScript } from './run-script';

const USAGE = 'Usage: npm run staff:add -- <email> --role agent|lead [--name "Their Name"]';

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { role: { type: 'string' }, name: { type: 'string' } } });
  if (positionals.length !== 1 || !values.role) {
    console.error(USAGE);
    return 2;
  }
  try {
    const { staff, setupUrl } = await executeAction({ type: 'system', organizationId: null }, inviteStaff, { email: positionals[0], role: values.role, name: values.name });
    console.info(`Added ${staff.email} as ${staff.role}. Their one-time set-up link (valid ${SET_UP_TTL_MS / 3_600_000} hours):\n${setupUrl}`);
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const fields = Object.entries(error.fields ?? {}).map(([field, why]) => `  ${field}: ${why}`);
    console.error([error.message, ...fields, USAGE].join('\n'));
    return 1;
  }
}

runScript(main);
