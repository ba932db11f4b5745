import { describe, expect, it } from 'vitest';
import { executeAction } from '@/platform/actions/execute';
import { unseal } from '@/platform/crypto/sealed';
import { seedStaff } from '../../../tests/support/staff-fixtures';
import { useTestDatabase } from '../../../tests/support/test-db';
import { supportSlackWebhook } from './schema';
import { updateNotificationRules } from './service';

// How the rules keep Slack URLs: sealed, one row per URL, kept by their masked form, forgotten when unused.

const t = useTestDatabase();
const URL_A = 'https://hooks.slack.com/services/T0AAAAAAA/B0BBBBBBB/aaaaaaaaaaaaaaaaaaaa1234';
const URL_B = 'https://hooks.slack.com/services/T0AAAAAAA/B0CCCCCCC/bbbbbbbbbbbbbbbbbbbb5678';

async function save(rules: { event: string; slack: string[] }[]) {
  const lead = await seedStaff(t.db, 'lead');
  return executeAction(lead, updateNotificationRules, { rules: rules.map((r) => ({ ...r, email: [], console: true })) });
}

const stored = async () => (await t.db.select().from(supportSlackWebhook)).map((w) => ({ id: w.id, url: unseal(w.urlSealed), sealed: w.urlSealed }));

describe('Slack URLs in the notification rules', () => {
  it('seals each URL once, however many events name it', async () => {
    await save([
      { event: 'subscription.changed', slack: [URL_A] },
      { event: 'invoice.payment_failed', slack: [URL_A, URL_B] },
    ]);
    const rows = await stored();
    expect(rows.map((r) => r.url).toSorted()).toEqual([URL_A, URL_B]);
    for (const row of rows) expect(row.sealed).not.toContain(new URL(row.url).pathname.split('/').at(-1));
  });

  it('keeps the stored URL when its masked form comes back, and forgets one no rule names', async () => {
    const before = await stored();
    const { rules } = await save([
      { event: 'subscription.changed', slack: ['https://hooks.slack.com/services/T0…/…1234'] },
      { event: 'invoice.payment_failed', slack: ['https://hooks.slack.com/services/T0…/…1234'] },
    ]);
    expect(rules.find((r) => r.event === 'invoice.payment_failed')!.slack).toEqual(['https://hooks.slack.com/services/T0…/…1234']);
    expect(await stored()).toEqual(before.filter((r) => r.url === URL_A));
  });
});
