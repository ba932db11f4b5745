import { describe, expect, it } from 'vitest';
import { rejectionOf } from '../../../tests/support/errors';
import { seedTeam } from '../../../tests/support/team-fixtures';
import { useTestDatabase, userActor } from '../../../tests/support/test-db';
import { executeQuery } from '@/platform/actions/execute-query';
import { billingQuery, billingScreenQuery } from './queries';

const t = useTestDatabase();

describe('the billing reads', () => {
  it('give a billing manager the overview and every change the screen offers', async () => {
    const team = await seedTeam(t.db, ['billing']);
    const screen = await executeQuery(userActor(team.members[0]!), billingScreenQuery, {});
    expect(screen).toMatchObject({ stripeProblem: null, demo: false, allowed: { openPortal: true, updateDetails: true, addTaxId: true, removeTaxId: true } });
    expect(screen.overview).toMatchObject({ provider: 'none', readOnly: true });
    const api = await executeQuery(userActor(team.members[0]!), billingQuery, {});
    expect(api).toEqual((({ synced: _synced, detailsSyncing: _syncing, ...rest }) => rest)(screen.overview));
  });

  it('are refused to a member, whatever the screen would show', async () => {
    const team = await seedTeam(t.db, ['member']);
    expect(await rejectionOf(executeQuery(userActor(team.members[0]!), billingScreenQuery, {}))).toMatchObject({ code: 'forbidden' });
    expect(await rejectionOf(executeQuery(userActor(team.members[0]!), billingQuery, {}))).toMatchObject({ code: 'forbidden' });
  });
});
