// Keys for bench/verify.mjs: `npx tsx bench/verify-keys.ts --database-url postgres://… --count 100`.
// Opens (and so migrates) the database, creates organizations with an owner each (plain inserts, no
// business rules), then `--count` keys through the real write pipeline, plus one key that it revokes;
// prints one JSON line on stdout: { keys, revoked, unknown } (secrets; `unknown` are well-formed keys
// that were never stored). Everything else goes to stderr.
//
// This imports the api-keys module's actions.ts, which app code never does (it goes through
// service.ts). A bench is not app code: it calls executeAction(actor, createKey, …) directly on
// purpose, so that making 100 keys is not held up by the per-minute creation limit that
// service.createApiKey applies. An organization may hold only `maxActivePerOrganization` active keys,
// so the keys are spread over as many organizations as that takes.
import { randomBytes, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { apiKeyLimits } from '@config/api-keys';
import type { Actor } from '@/platform/actions/actor';
import { executeAction } from '@/platform/actions/execute';
import { user } from '@/platform/auth/schema';
import { closeDb, getDatabase } from '@/platform/db/client';
import type { Db } from '@/platform/db/types';
import { membership, organization } from '@/platform/tenancy/schema';
import { createKey, revokeKey } from '@/modules/api-keys/actions';
import { generateKey } from '@/modules/api-keys/key-format';

const { values: args } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    count: { type: 'string', default: '100' },
  },
});

type Owner = Extract<Actor, { type: 'user' }>;

async function createOwner(db: Db, n: number): Promise<Owner> {
  const tag = `${process.pid}-${n}-${randomBytes(3).toString('hex')}`;
  const organizationId = randomUUID();
  const userId = randomUUID();
  const email = `verify-bench-${tag}@example.test`;
  await db.insert(organization).values({ id: organizationId, externalId: `verify-bench-${tag}`, name: `Verify bench ${n}` });
  await db.insert(user).values({ id: userId, email, name: `Verify bench owner ${n}`, emailVerified: true });
  await db.insert(membership).values({ id: randomUUID(), organizationId, userId, role: 'owner' });
  return { type: 'user', userId, email, organizationId, role: 'owner', ip: '127.0.0.1', userAgent: 'bench/verify-keys' };
}

async function main(): Promise<void> {
  const url = args['database-url'] ?? process.env.DATABASE_URL;
  const count = Number(args.count);
  if (!url) throw new Error('--database-url (PostgreSQL) is required');
  if (!Number.isInteger(count) || count < 1) throw new Error('--count must be a positive integer');
  process.env.DATABASE_URL = url; // getDatabase() reads the configuration, which reads the environment
  const database = await getDatabase(); // opens the pool and runs the migrations
  if (database.kind !== 'postgres') throw new Error('bench/verify-keys.ts needs PostgreSQL');
  const db = database.db;

  const perOrganization = apiKeyLimits.maxActivePerOrganization;
  const owners: Owner[] = [];
  for (let i = 0; i < Math.ceil(count / perOrganization); i++) owners.push(await createOwner(db, i));

  // The revoked key is made (and revoked) first: once revoked it no longer counts towards the limit.
  const doomed = await executeAction(owners[0]!, createKey, { name: 'bench revoked', scopes: ['read'] });
  await executeAction(owners[0]!, revokeKey, { keyId: doomed.key.id });

  const keys: { secret: string; keyId: string; organizationId: string; scopes: string[] }[] = [];
  for (let i = 0; i < count; i++) {
    const owner = owners[Math.floor(i / perOrganization)]!;
    const scopes = i % 2 === 0 ? ['read'] : ['read', 'write'];
    const { key, secret } = await executeAction(owner, createKey, { name: `bench key ${i}`, scopes });
    keys.push({ secret, keyId: key.id, organizationId: owner.organizationId, scopes: key.scopes });
  }
  const unknown = Array.from({ length: 4 }, () => generateKey('live'));
  await closeDb();
  process.stdout.write(`${JSON.stringify({ keys, revoked: doomed.secret, unknown })}\n`);
}

main().catch(async (error: Error) => {
  console.error(error.stack ?? error.message);
  await closeDb().catch(() => {});
  process.exit(1);
});
