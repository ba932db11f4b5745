import { sql, type SQL } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { auditOf, eventsOf, invitationLinkToken, membershipsOf, personActor, roleOf, seedTeam } from '../../../tests/support/team-fixtures';
import { seedOrg, seedSession, seedUser, useRacers, userActor, useTestDatabase } from '../../../tests/support/test-db';
import { executeAction } from '@/platform/actions/execute';
import { AppError } from '@/platform/http/errors';
import { acceptInvitation, changeRole, inviteMember, removeMember, transferOwnership } from './actions';

// Races of the team actions. On PostgreSQL (TEST_DATABASE_URL, as in CI) every racing call runs in a
// transaction on a connection of its own; on PGlite (one connection) they take turns, and the
// invariants must hold all the same.

const t = useTestDatabase();
const ITERATIONS = 5;

const racers = useRacers(t, 25);

const isPostgres = () => t.handle.kind === 'postgres';

async function backendsWaitingOnLocks(): Promise<number> {
  const result = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
  return Number((result as unknown as { rows: { n: number }[] }).rows[0]!.n);
}

/**
 * Starts every call at once. On PostgreSQL with `hold`, a separate transaction first locks the row
 * that `hold` names and keeps it until every call is either blocked on a lock or finished; then it
 * lets go, so that the calls provably overlap inside their transactions and then race for the row.
 */
async function race<T>(calls: (() => Promise<T>)[], hold?: SQL): Promise<PromiseSettledResult<T>[]> {
  if (!isPostgres() || !hold) return Promise.allSettled(calls.map((call) => call()));

  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let holding!: () => void;
  const held = new Promise<void>((resolve) => (holding = resolve));
  const blocker = t.db.transaction(async (tx) => {
    await tx.execute(hold);
    holding();
    await released;
  });
  await held;

  let finished = 0;
  const all = Promise.allSettled(calls.map((call) => call().finally(() => void finished++)));
  try {
    await vi.waitFor(
      async () => {
        const waiting = await backendsWaitingOnLocks();
        if (waiting + finished < calls.length) throw new Error(`only ${waiting} calls are waiting and ${finished} finished of ${calls.length}`);
      },
      { timeout: 15_000, interval: 5 },
    );
  } finally {
    release();
    await blocker;
  }
  return all;
}

const lockOrganization = (organizationId: string) => sql`select id from organization where id = ${organizationId} for update`;
const lockInvitation = (invitationId: string) => sql`select id from invitation where id = ${invitationId} for update`;

function fulfilled<T>(results: PromiseSettledResult<T>[]) {
  return results.filter((r): r is PromiseFulfilledResult<T> => r.status === 'fulfilled');
}

function rejectionCodes<T>(results: PromiseSettledResult<T>[]): string[] {
  return results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => (r.reason instanceof AppError ? r.reason.code : `unexpected: ${String(r.reason)}`));
}

/** Both ways: with every call held at the row they race for (PostgreSQL), and simply started together. */
const modes = Array.from({ length: ITERATIONS }, (_, i) => ({ run: i + 1, held: i % 2 === 0 }));

describe('concurrency of team writes', () => {
  it.each(modes)('20 simultaneous ownership transfers leave exactly one owner (run $run, held $held)', async ({ held }) => {
    const team = await seedTeam(t.db, Array.from({ length: 20 }, () => 'member' as const));
    const owner = userActor(team.owner); // every call comes from the owner's session as it was before the race

    const results = await race(
      team.members.map((m) => () => executeAction(owner, transferOwnership, { memberId: m.membershipId }, { db: racers.db })),
      held ? lockOrganization(team.organizationId) : undefined,
    );

    const won = fulfilled(results);
    expect(won).toHaveLength(1);
    expect(rejectionCodes(results)).toEqual(Array(19).fill('forbidden')); // the first transfer demoted the caller

    const members = await membershipsOf(t.db, team.organizationId);
    const owners = members.filter((m) => m.role === 'owner');
    expect(owners).toHaveLength(1);
    expect(owners[0]!.id).toBe(won[0]!.value.newOwner.id);
    expect(await roleOf(t.db, team.owner.membershipId)).toBe('admin');
    expect(members.filter((m) => m.role === 'member')).toHaveLength(19);
    expect((await eventsOf(t.db, team.organizationId)).map((e) => e.type)).toEqual(['team.ownership_transferred']);
    expect(await auditOf(t.db, team.organizationId)).toHaveLength(1);
  });

  it.each(modes)('two simultaneous accepts of one invitation make one membership (run $run, held $held)', async ({ held }) => {
    const team = await seedTeam(t.db);
    const person = await seedUser(t.db);
    const { invitation } = await executeAction(userActor(team.owner), inviteMember, { email: person.email, role: 'member' });
    const token = await invitationLinkToken(t.db, invitation.id);
    const [tab1, tab2] = [await seedSession(t.db, person.userId), await seedSession(t.db, person.userId)];

    const results = await race(
      [tab1, tab2].map((s) => () => executeAction(personActor(person, { sessionId: s.id }), acceptInvitation, { token }, { db: racers.db })),
      held ? lockInvitation(invitation.id) : undefined,
    );

    expect(fulfilled(results)).toHaveLength(1);
    expect(rejectionCodes(results)).toEqual(['conflict']);
    const joined = (await membershipsOf(t.db, team.organizationId)).filter((m) => m.userId === person.userId);
    expect(joined).toHaveLength(1);
    expect(joined[0]!.role).toBe('member');
    expect((await eventsOf(t.db, team.organizationId)).filter((e) => e.type === 'team.member_joined')).toHaveLength(1);
    expect(await auditOf(t.db, team.organizationId, ['team.accept_invitation'])).toHaveLength(1);
  });

  it.each(modes)('a role change racing a removal of the same member ends consistent (run $run, held $held)', async ({ held }) => {
    const team = await seedTeam(t.db, ['admin', 'member']);
    const [admin, target] = team.members;

    const [change, removal] = await race(
      [
        () => executeAction(userActor(admin!), changeRole, { memberId: target!.membershipId, role: 'billing' }, { db: racers.db }),
        () => executeAction(userActor(team.owner), removeMember, { memberId: target!.membershipId }, { db: racers.db }),
      ],
      held ? lockOrganization(team.organizationId) : undefined,
    );

    // The removal always wins in the end; the change either happened before it or finds no member.
    expect(removal!.status).toBe('fulfilled');
    expect(await roleOf(t.db, target!.membershipId)).toBeUndefined();
    const events = (await eventsOf(t.db, team.organizationId)).map((e) => [e.type, e.payload]);
    const audit = (await auditOf(t.db, team.organizationId)).map((a) => [a.action, a.before]);
    if (change!.status === 'fulfilled') {
      // Role changed, then removed: the removal saw the changed role.
      expect(events).toEqual([
        ['team.member_role_changed', expect.objectContaining({ memberId: target!.membershipId, from: 'member', to: 'billing' })],
        ['team.member_removed', expect.objectContaining({ memberId: target!.membershipId, role: 'billing' })],
      ]);
      expect(audit).toEqual([
        ['team.change_role', expect.objectContaining({ role: 'member' })],
        ['team.remove_member', expect.objectContaining({ role: 'billing' })],
      ]);
    } else {
      expect(rejectionCodes([change!])).toEqual(['not_found']);
      expect(events).toEqual([['team.member_removed', expect.objectContaining({ memberId: target!.membershipId, role: 'member' })]]);
      expect(audit).toEqual([['team.remove_member', expect.objectContaining({ role: 'member' })]]);
    }
    // The rest of the team is untouched.
    expect((await membershipsOf(t.db, team.organizationId)).map((m) => [m.id, m.role]).sort()).toEqual(
      [
        [team.owner.membershipId, 'owner'],
        [admin!.membershipId, 'admin'],
      ].sort(),
    );
  });

  it('invitations racing for the last seat never exceed the plan', async () => {
    for (let i = 0; i < ITERATIONS; i++) {
      const team = await seedTeam(t.db, ['admin']); // Free: 3 seats, 2 used
      const emails = Array.from({ length: 6 }, (_, n) => `race-${i}-${n}-${team.organizationId}@example.test`);
      const results = await race(
        emails.map((email, n) => () => executeAction(userActor(n % 2 ? team.members[0]! : team.owner), inviteMember, { email, role: 'member' }, { db: racers.db })),
        i % 2 === 0 ? lockOrganization(team.organizationId) : undefined,
      );
      expect(fulfilled(results)).toHaveLength(1);
      expect(rejectionCodes(results)).toEqual(Array(5).fill('conflict'));
      const open = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from invitation where organization_id = ${team.organizationId} and accepted_at is null and revoked_at is null`);
      expect(Number((open as unknown as { rows: { n: number }[] }).rows[0]!.n)).toBe(1);
    }
  });
});

describe('isolation between organizations', () => {
  it('a race in one organization leaves another untouched', async () => {
    const a = await seedTeam(t.db, ['member', 'member', 'member']);
    const b = await seedTeam(t.db, ['member']);
    const shared = await seedOrg(t.db, { userId: a.members[0]!.userId, organizationId: b.organizationId, role: 'viewer' });
    const results = await race(
      a.members.map((m) => () => executeAction(userActor(a.owner), transferOwnership, { memberId: m.membershipId }, { db: racers.db })),
      lockOrganization(a.organizationId),
    );
    expect(fulfilled(results)).toHaveLength(1);
    expect((await membershipsOf(t.db, b.organizationId)).map((m) => [m.id, m.role]).sort()).toEqual(
      [
        [b.owner.membershipId, 'owner'],
        [b.members[0]!.membershipId, 'member'],
        [shared.membershipId, 'viewer'],
      ].sort(),
    );
    expect(await eventsOf(t.db, b.organizationId)).toEqual([]);
  });
});
