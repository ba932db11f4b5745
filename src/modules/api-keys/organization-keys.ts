import { desc, eq } from 'drizzle-orm';
import type { Db } from '@/platform/db/types';
import { apiKey } from './schema';
import { keyView, type KeyView } from './view';

/** The organization's keys, newest first: metadata only, the secret is never stored. */
export async function organizationKeys(db: Db, organizationId: string): Promise<KeyView[]> {
  const rows = await db.select().from(apiKey).where(eq(apiKey.organizationId, organizationId)).orderBy(desc(apiKey.createdAt));
  return rows.map(keyView);
}
