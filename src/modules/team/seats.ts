import { sql } from 'drizzle-orm';
import type { Db } from '@/platform/db/types';

/** Seats in use: members plus open, unexpired invitations. */
export async function seatsInUse(tx: Db, organizationId: string): Promise<number> {
  const result = await tx.execute<{ n: number }>(sql`
    select (select count(*) from membership where organization_id = ${organizationId})
         + (select count(*) from invitation where organization_id = ${organizationId}
              and accepted_at is null and revoked_at is null and expires_at > now()) as n`);
  return Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
}
