import { beforeAll, describe, expect, it } from 'vitest';
import { listStaffAuditEntries, staffAuditQuery } from '@/modules/audit/service';
import { signedInStaff } from '../../../../../tests/support/staff-fixtures';
import { seedOrg, useTestDatabase } from '../../../../../tests/support/test-db';
import { PATCH } from './[section]/route';
import { GET } from './route';

// The rollout's console routes at their HTTP edge: leads only, the envelope, odd input as 422s.

const t = useTestDatabase();
const ORIGIN = 'http://localhost:3000';

type Rollout = { section: string; label: string; mode: string; percentage: number; organizations: string[]; launchedAt: string | null; forcedOff: boolean };
type Answer = { status: number; body: { success: boolean; data?: { rollout?: Rollout; sections?: Rollout[] }; error?: { code: string; fields?: Record<string, string> } } };

let agent: string;
let lead: string;
let customer: string;

async function answer(response: Response): Promise<Answer> {
  return { status: response.status, body: JSON.parse(await response.text()) as Answer['body'] };
}

const patch = async (section: string, body: unknown, cookie = lead) =>
  answer(
    await PATCH(
      new Request(`${ORIGIN}/api/admin/sections/${section}`, {
        method: 'PATCH',
        headers: { origin: ORIGIN, cookie, 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
      { params: Promise.resolve({ section }) },
    ),
  );
const list = async (cookie = lead) => answer(await GET(new Request(`${ORIGIN}/api/admin/sections`, { headers: { cookie } }), undefined));

beforeAll(async () => {
  agent = (await signedInStaff(t.db, 'agent')).cookie;
  lead = (await signedInStaff(t.db, 'lead')).cookie;
  customer = (await seedOrg(t.db, { name: 'Allowlisted Ltd' })).organizationId;
});

describe('/api/admin/sections', () => {
  it('lists every section but Account, on until switched', async () => {
    const { status, body } = await list();
    expect(status).toBe(200);
    expect(body.data!.sections!.map((s) => s.section)).toEqual(['team', 'billing', 'usage', 'invoices', 'api-keys', 'support', 'activity']);
    expect(body.data!.sections![0]).toMatchObject({ section: 'team', label: 'Team', mode: 'on', launchedAt: null, forcedOff: false });
  });

  it('switches a section, records its launch once, and audits it as the staff member', async () => {
    const first = await patch('team', { mode: 'allowlist', organizations: [customer] });
    expect(first.status).toBe(200);
    expect(first.body.data!.rollout).toMatchObject({ section: 'team', mode: 'allowlist', organizations: [customer] });
    const launchedAt = first.body.data!.rollout!.launchedAt;
    expect(Date.parse(launchedAt!)).not.toBeNaN();

    const second = await patch('team', { mode: 'on' });
    expect(second.body.data!.rollout).toMatchObject({ mode: 'on', launchedAt });
    expect((await list()).body.data!.sections!.find((s) => s.section === 'team')).toMatchObject({ mode: 'on', launchedAt });

    const { entries } = await listStaffAuditEntries(t.db, staffAuditQuery.parse({ actorType: 'staff', limit: 100 }));
    const switches = entries.filter((e) => e.action === 'staff.rollout.update' && e.entityId === 'team');
    expect(switches).toHaveLength(2);
    expect(switches.every((e) => e.actor.type === 'staff' && e.entityType === 'section')).toBe(true);
  });

  it('answers 422 with the field for bad input, never a 500', async () => {
    const cases: [unknown, string][] = [
      [{ mode: 'sometimes' }, 'mode'],
      [{ mode: 'percentage' }, 'percentage'],
      [{ mode: 'percentage', percentage: 101 }, 'percentage'],
      [{ mode: 'percentage', percentage: -1 }, 'percentage'],
      [{ mode: 'percentage', percentage: 12.5 }, 'percentage'],
      [{ mode: 'percentage', percentage: '50' }, 'percentage'],
      [{ mode: 'allowlist' }, 'organizations'],
      [{ mode: 'allowlist', organizations: 'everyone' }, 'organizations'],
      [{ mode: 'allowlist', organizations: [customer, 'org-that-does-not-exist'] }, 'organizations.1'],
    ];
    for (const [body, field] of cases) {
      const { status, body: answered } = await patch('billing', body);
      expect(status, JSON.stringify(body)).toBe(422);
      expect(answered.error).toMatchObject({ code: 'validation_failed', fields: { [field]: expect.any(String) } });
    }
    expect((await patch('billing', '{"mode": ')).status).toBe(422);
    expect((await list()).body.data!.sections!.find((s) => s.section === 'billing')).toMatchObject({ mode: 'on', launchedAt: null });
  });

  it('answers 404 for an unknown section and for Account, which is never off', async () => {
    for (const section of ['nowhere', 'account']) {
      const { status, body } = await patch(section, { mode: 'off' });
      expect(status).toBe(404);
      expect(body.error!.code).toBe('not_found');
    }
  });

  it('is for leads: 403 for an agent, 401 without a staff session', async () => {
    expect((await list(agent)).status).toBe(403);
    expect((await patch('usage', { mode: 'off' }, agent)).status).toBe(403);
    expect((await list('')).status).toBe(401);
  });
});
