import { describe, expect, it } from 'vitest';
import { seedTeam } from '../../../tests/support/team-fixtures';
import { useTestDatabase, userActor } from '../../../tests/support/test-db';
import { executeAction } from '@/platform/actions/execute';
import { executeQuery } from '@/platform/actions/execute-query';
import { inviteMember } from './actions';
import { teamQuery, teamScreenQuery } from './queries';

const t = useTestDatabase();

describe('the team reads', () => {
  it('answer the API its members and invitations, and nothing of another organization', async () => {
    const team = await seedTeam(t.db, ['viewer']);
    const other = await seedTeam(t.db);
    await executeAction(userActor(team.owner), inviteMember, { email: 'new.person@example.test', role: 'member' });
    await executeAction(userActor(other.owner), inviteMember, { email: 'elsewhere@example.test', role: 'member' });

    const read = await executeQuery(userActor(team.members[0]!), teamQuery, {});

    expect(Object.keys(read).sort()).toEqual(['invitations', 'members']);
    expect(read.members.map((m) => m.email)).toEqual([team.owner.email, team.members[0]!.email]);
    expect(read.invitations.map((i) => i.email)).toEqual(['new.person@example.test']);
  });

  it('tell the screen what an admin may do: everyone but the owner, roles up to admin, and leaving', async () => {
    const team = await seedTeam(t.db, ['admin', 'member']);
    const [admin, member] = team.members as [(typeof team.members)[0], (typeof team.members)[0]];

    const screen = await executeQuery(userActor(admin), teamScreenQuery, {});

    expect(screen.allowed).toEqual({ invite: true, inviteRoles: ['admin', 'billing', 'member', 'viewer'], leave: true, transferOwnership: false });
    const row = (id: string) => screen.members.find((m) => m.id === id)!;
    expect(row(team.owner.membershipId)).toMatchObject({ self: false, roleOptions: [], removable: false });
    expect(row(admin.membershipId)).toMatchObject({ self: true });
    expect(row(member.membershipId)).toMatchObject({ self: false, roleOptions: ['admin', 'billing', 'member', 'viewer'], removable: true });
    expect(screen.seats).toMatchObject({ used: 3 });
  });

  it('tell the owner it may hand over but not leave, and a viewer that it may change nothing', async () => {
    const team = await seedTeam(t.db, ['viewer']);
    const asOwner = await executeQuery(userActor(team.owner), teamScreenQuery, {});
    expect(asOwner.allowed).toMatchObject({ invite: true, leave: false, transferOwnership: true });
    expect(asOwner.allowed.inviteRoles).not.toContain('owner');

    const asViewer = await executeQuery(userActor(team.members[0]!), teamScreenQuery, {});
    expect(asViewer.allowed).toEqual({ invite: false, inviteRoles: [], leave: true, transferOwnership: false });
    expect(asViewer.members.every((m) => m.roleOptions.length === 0 && !m.removable)).toBe(true);
  });
});
