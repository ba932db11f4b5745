import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { databaseError } from '../../../tests/support/errors';
import { useTestDatabase } from '../../../tests/support/test-db';
import { auditLog } from './schema';

const t = useTestDatabase();

describe('audit_log is append-only in the database itself', () => {
  let id: number;

  beforeAll(async () => {
    const [row] = await t.db
      .insert(auditLog)
      .values({ organizationId: 'org-1', actorType: 'user', actorId: 'u-1', action: 'account.update_profile', entityType: 'user', entityId: 'u-1', after: { name: 'Ada' } })
      .returning({ id: auditLog.id });
    id = row!.id;
  });

  async function stillThere() {
    return t.db.select({ action: auditLog.action, after: auditLog.after }).from(auditLog).where(eq(auditLog.id, id));
  }

  it('accepts INSERT', async () => {
    expect(await stillThere()).toEqual([{ action: 'account.update_profile', after: { name: 'Ada' } }]);
  });

  it('refuses UPDATE', async () => {
    const error = await databaseError(t.db.update(auditLog).set({ action: 'forged' }).where(eq(auditLog.id, id)));
    expect(error.code).toBe('42501');
    expect(error.message).toMatch(/append-only: UPDATE refused/);
    expect(await stillThere()).toEqual([{ action: 'account.update_profile', after: { name: 'Ada' } }]);
  });

  it('refuses DELETE', async () => {
    const error = await databaseError(t.db.delete(auditLog).where(eq(auditLog.id, id)));
    expect(error.message).toMatch(/append-only: DELETE refused/);
    expect(await stillThere()).toHaveLength(1);
  });

  it('refuses TRUNCATE', async () => {
    const error = await databaseError(t.db.execute(sql`truncate table audit_log`));
    expect(error.message).toMatch(/append-only: TRUNCATE refused/);
    expect(await stillThere()).toHaveLength(1);
  });
});
