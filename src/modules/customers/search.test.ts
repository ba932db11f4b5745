import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedOrg, seedUser, useTestDatabase } from '../../../tests/support/test-db';
import { AppError } from '@/platform/http/errors';
import { parseInput } from '@/platform/http/validation';
import { organization } from '@/platform/tenancy/schema';
import { CANDIDATES_PER_KEY, customerSearchInput, searchCustomers } from './service';

const t = useTestDatabase();
const search = (q: string) => searchCustomers(t.db, parseInput(customerSearchInput, { q }));
const idsOf = async (q: string) => (await search(q)).map((h) => h.id);

let umbrella: string;
let umbrellaTwo: string;
let other: string;

async function named(name: string, values: Partial<typeof organization.$inferInsert> = {}) {
  const org = await seedOrg(t.db, { name });
  if (Object.keys(values).length > 0) await t.db.update(organization).set(values).where(eq(organization.id, org.organizationId));
  return org;
}

beforeAll(async () => {
  const a = await named('Umbrella Corporation', { externalId: 'ext-umb-001', stripeCustomerId: 'cus_UMB001' });
  umbrella = a.organizationId;
  await seedOrg(t.db, { organizationId: umbrella, role: 'admin', userId: (await seedUser(t.db, { email: 'wesker@raccoon.example' })).userId });
  umbrellaTwo = (await named('Umbrella', { externalId: 'ext-umb-002' })).organizationId;
  other = (await named('Tricell 100%_off', { externalId: 'ext-tri-001', stripeCustomerId: 'cus_TRI001' })).organizationId;
  await seedOrg(t.db, { organizationId: other, userId: (await seedUser(t.db, { email: 'excella@tricell.example' })).userId });
});

describe('searchCustomers', () => {
  it('finds an organization by any part of its name, in the public shape', async () => {
    const hits = await search('brella corp');
    expect(hits).toEqual([
      {
        id: umbrella,
        externalId: 'ext-umb-001',
        name: 'Umbrella Corporation',
        plan: 'free',
        stripeCustomerId: 'cus_UMB001',
        members: 2,
        openTickets: 0,
        match: { field: 'name', value: 'Umbrella Corporation' },
      },
    ]);
  });

  it('finds by external id, Stripe customer id and member email, case aside', async () => {
    expect(await search('EXT-TRI')).toMatchObject([{ id: other, match: { field: 'externalId', value: 'ext-tri-001' } }]);
    expect(await search('cus_umb')).toMatchObject([{ id: umbrella, match: { field: 'stripeCustomerId', value: 'cus_UMB001' } }]);
    expect(await search('Wesker@Raccoon')).toMatchObject([{ id: umbrella, match: { field: 'email', value: 'wesker@raccoon.example' } }]);
    expect(await search('tricell.example')).toMatchObject([{ id: other, match: { field: 'email' } }]);
  });

  it('finds by the organization id itself, exactly', async () => {
    expect(await idsOf(umbrellaTwo)).toEqual([umbrellaTwo]);
  });

  it('answers a member email with that member’s organizations only', async () => {
    expect(await idsOf('wesker@')).toEqual([umbrella]);
  });

  it('ranks an exact match first, then a match at the start, then one inside', async () => {
    const thirdName = (await named('The Umbrella Shop')).organizationId;
    expect(await idsOf('umbrella')).toEqual([umbrellaTwo, umbrella, thirdName]);
  });

  it('matches one or two characters at the start only', async () => {
    expect(await idsOf('tr')).toEqual([other]);
    expect(await idsOf('ll')).toEqual([]);
  });

  it('takes % and _ literally', async () => {
    expect(await idsOf('100%_')).toEqual([other]);
    expect(await idsOf('0%o')).toEqual([]);
    expect(await idsOf('%_o')).toEqual([other]);
  });

  it('answers an empty query with nothing', async () => {
    expect(await search('   ')).toEqual([]);
  });

  it('refuses control characters and huge strings as validation errors', () => {
    for (const q of ['ab\u0000c', 'ab\u0007c', 'x'.repeat(201), 'y'.repeat(1_000_000)]) {
      expect(() => parseInput(customerSearchInput, { q })).toThrow(AppError);
      try {
        parseInput(customerSearchInput, { q });
      } catch (error) {
        expect((error as AppError).status).toBe(422);
        expect((error as AppError).fields).toHaveProperty('q');
      }
    }
  });

  it('ranks an exact match first even among more organizations holding the query than it looks at', async () => {
    const crowd = Array.from({ length: CANDIDATES_PER_KEY + 10 }, (_, i) => ({ id: `nimbus-${i}`, externalId: `nimbus-ext-${i}`, name: `Big Nimbus ${i}` }));
    await t.db.insert(organization).values(crowd);
    const exact = (await named('NIMBUS')).organizationId;
    const hits = await search('nimbus');
    expect(hits[0]!.id).toBe(exact);
    expect(hits).toHaveLength(20);
  });

  it('answers at most the limit, exact matches not pushed out', async () => {
    for (let i = 0; i < 25; i++) await named(`Bulk Umbrella ${i}`);
    const hits = await search('umbrella');
    expect(hits).toHaveLength(20);
    expect(hits.slice(0, 2).map((h) => h.id)).toEqual([umbrellaTwo, umbrella]);
  });
});
