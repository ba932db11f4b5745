import { format } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { afterAll, expect, vi } from 'vitest';
import { createKey } from '@/modules/api-keys/service';
import { displayPrefix, generateKey } from '@/modules/api-keys/key-format';
import { apiKey } from '@/modules/api-keys/schema';
import { hashToken } from '@/platform/crypto/tokens';
import { openPostgres } from '@/platform/db/open';
import { useDatabase } from '@/platform/db/client';
import type { Db } from '@/platform/db/types';
import { AppError } from '@/platform/http/errors';
import { closeBus, getBus } from '@/platform/pubsub/bus';
import { rejectionOf } from './errors';
import { useTestDatabase, userActor, type SeededOrg, type TestDatabase } from './test-db';
import { executeAction } from '@/platform/actions/execute';

/**
 * useTestDatabase() for the API-key tests: verify subscribes to the invalidation bus (on PostgreSQL
 * a LISTEN connection to the test database), which must be closed before the database goes.
 */
export function useApiKeyTestDatabase(): ReturnType<typeof useTestDatabase> {
  const t = useTestDatabase();
  afterAll(async () => {
    await closeBus();
  });
  return t;
}

/** A key made by `member` through the action, as the route makes it (rate-limited per organization). */
export function newKey(member: SeededOrg, input: { name?: string; scopes?: string[]; expiresAt?: string } = {}) {
  return executeAction(userActor(member), createKey, { name: input.name ?? 'CI deploy', scopes: input.scopes ?? ['read'], ...(input.expiresAt ? { expiresAt: input.expiresAt } : {}) });
}

/**
 * `count` working keys of the member's organization, written straight to the table: the state a test
 * starts from, without spending the organization's creations per minute.
 */
export async function seedKeys(db: Db, member: SeededOrg, count: number): Promise<{ id: string }[]> {
  const rows = Array.from({ length: count }, (_, i) => {
    const secret = generateKey('live');
    return { id: crypto.randomUUID(), organizationId: member.organizationId, name: `Seeded ${i}`, prefix: displayPrefix(secret), secretHash: hashToken(secret), scopes: ['read'], createdByUserId: member.userId, createdByName: member.name };
  });
  return db.insert(apiKey).values(rows).returning({ id: apiKey.id });
}

/** The random part of a key: between `dfl_live_` / `dfl_test_` and the 6-character checksum. */
export function keyBody(secret: string): string {
  return secret.slice('dfl_live_'.length, -6);
}

export async function keyRow(db: Db, id: string) {
  const [row] = await db.select().from(apiKey).where(eq(apiKey.id, id));
  if (!row) throw new Error(`no api_key row ${id}`);
  return row;
}

/** Awaits a promise that must reject with an AppError of `code`, and returns the error. */
export async function expectAppError(promise: Promise<unknown>, code: AppError['code']): Promise<AppError> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code });
  return error as AppError;
}

function rowsOf(result: unknown): Record<string, unknown>[] {
  return (result as { rows: Record<string, unknown>[] }).rows;
}

/**
 * A logical dump of the database: every row of every base table outside PostgreSQL's own schemas
 * (the public schema, Better Auth's tables, Drizzle's migration journal), one JSON line per row.
 */
export async function databaseDump(db: Db): Promise<{ tables: string[]; text: string }> {
  const tables = rowsOf(
    await db.execute(sql`
      select table_schema, table_name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
      order by table_schema, table_name`),
  ) as { table_schema: string; table_name: string }[];
  const lines: string[] = [];
  for (const { table_schema, table_name } of tables) {
    const rows = rowsOf(await db.execute(sql`select row_to_json(t)::text as j from ${sql.identifier(table_schema)}.${sql.identifier(table_name)} t`));
    lines.push(...rows.map((r) => `${table_schema}.${table_name} ${String(r.j)}`));
  }
  return { tables: tables.map((t) => (t.table_schema === 'public' ? t.table_name : `${t.table_schema}.${t.table_name}`)), text: lines.join('\n') };
}

/** Records (without silencing) everything written through console.* until `stop()`; returns it as text. */
export function recordConsole(): { stop(): string } {
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) => vi.spyOn(console, method));
  return {
    stop() {
      const text = spies.flatMap((spy) => spy.mock.calls.map((args) => format(...args))).join('\n');
      spies.forEach((spy) => spy.mockRestore());
      return text;
    },
  };
}

/**
 * Runs `fn` with the process-wide database (getDb(), which verify reads through) refusing every write:
 * on PostgreSQL a second pool whose sessions are read-only, on PGlite (one session) the session itself.
 */
export async function withReadOnlyDatabase<T>(t: { readonly handle: TestDatabase; readonly db: Db }, fn: (db: Db) => Promise<T>): Promise<T> {
  await getBus(); // the invalidation bus connects to getDatabase()'s URL: open it on the real database first
  if (t.handle.kind === 'postgres') {
    const url = new URL(t.handle.url!);
    url.searchParams.set('options', '-c default_transaction_read_only=on');
    const readOnly = await openPostgres(url.toString(), { migrate: false, max: 2 });
    useDatabase(readOnly);
    try {
      return await fn(readOnly.db);
    } finally {
      useDatabase(t.handle);
      await readOnly.close();
    }
  }
  await t.db.execute(sql`set default_transaction_read_only = on`);
  try {
    return await fn(t.db);
  } finally {
    await t.db.execute(sql`set default_transaction_read_only = off`);
  }
}

/** Where a verify request goes: a server's base URL (over HTTP), or a route handler called in-process. */
export type RouteTarget = string | ((request: Request) => Promise<Response>);

/** Sends `init` to `path` of `target`. */
export function requestTo(target: RouteTarget, path: string, init: RequestInit): Promise<Response> {
  const request = new Request(`${typeof target === 'string' ? target : 'http://localhost:3000'}${path}`, init);
  return typeof target === 'string' ? fetch(request) : target(request);
}

/** POST /api/v1/keys/verify with the server secret (or none, with `null`): its status and JSON body. */
export async function postVerify(target: RouteTarget, body: unknown, serverSecret: string | null): Promise<{ status: number; body: unknown }> {
  const response = await requestTo(target, '/api/v1/keys/verify', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(serverSecret === null ? {} : { authorization: `Bearer ${serverSecret}` }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}
