import { sql } from 'drizzle-orm';
import { getDb } from './client';
import { logError } from '../logging/error-line';

export async function checkDatabase(): Promise<boolean> {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return true;
  } catch (error) {
    logError('[health] database check failed', error);
    return false;
  }
}
