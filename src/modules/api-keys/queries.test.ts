import { describe, expect, it } from 'vitest';
import { apiKeyLimits } from '@config/api-keys';
import { expectAppError, newKey, seedKeys, useApiKeyTestDatabase } from '../../../tests/support/api-key-fixtures';
import { seedTeam } from '../../../tests/support/team-fixtures';
import { userActor } from '../../../tests/support/test-db';
import { executeAction } from '@/platform/actions/execute';
import { executeQuery } from '@/platform/actions/execute-query';
import { rotateKey } from './actions';
import { apiKeysQuery, apiKeysScreenQuery } from './queries';

const t = useApiKeyTestDatabase();

describe('the API key reads', () => {
  it('tell a member they manage their own keys only, and an admin every key', async () => {
    const team = await seedTeam(t.db, ['member', 'admin']);
    const [member, admin] = team.members as [(typeof team.members)[0], (typeof team.members)[0]];
    const own = await newKey(member, { name: 'Mine' });
    const owners = await newKey(team.owner, { name: 'The owner’s' });

    const asMember = await executeQuery(userActor(member), apiKeysScreenQuery, {});
    const row = (screen: typeof asMember, id: string) => screen.keys.find((k) => k.id === id)!;
    expect(row(asMember, own.key.id)).toMatchObject({ canRotate: true, canRevoke: true });
    expect(row(asMember, owners.key.id)).toMatchObject({ canRotate: false, canRevoke: false });
    expect(asMember.canCreate).toBe(true);
    expect(asMember.grantableScopes.map((s) => s.scope)).not.toContain('admin');

    const asAdmin = await executeQuery(userActor(admin), apiKeysScreenQuery, {});
    expect(row(asAdmin, own.key.id)).toMatchObject({ canRotate: true, canRevoke: true });
    expect(asAdmin.grantableScopes.map((s) => s.scope)).toContain('admin');

    await executeAction(userActor(member), rotateKey, { keyId: own.key.id, gracePeriod: '1h' });
    expect(row(await executeQuery(userActor(member), apiKeysScreenQuery, {}), own.key.id)).toMatchObject({ canRotate: false, canRevoke: true });
  });

  it('say when the organization has as many working keys as allowed', async () => {
    const team = await seedTeam(t.db);
    await seedKeys(t.db, team.owner, apiKeyLimits.maxActivePerOrganization);
    expect((await executeQuery(userActor(team.owner), apiKeysScreenQuery, {})).atLimit).toMatch(/Revoke one first/);
  });

  it.each(['viewer', 'billing'] as const)('are refused to %s', async (role) => {
    const team = await seedTeam(t.db, [role]);
    await expectAppError(executeQuery(userActor(team.members[0]!), apiKeysQuery, {}), 'forbidden');
    await expectAppError(executeQuery(userActor(team.members[0]!), apiKeysScreenQuery, {}), 'forbidden');
  });
});
