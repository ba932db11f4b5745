import { supportCategoryIds } from '@config/support-categories';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { staffCookie } from '../../../../../tests/support/staff-fixtures';
import { seedOrg, seedSession, useTestDatabase } from '../../../../../tests/support/test-db';
import { csvColumns } from '@/modules/deflection/service';
import { openApiDocument } from '../../openapi.json/document';
import { GET as getCsv } from '../deflection.csv/route';
import { GET } from './route';

// The deflection dashboard's figures at their HTTP edge: staff only, a checked range, JSON and CSV.

const t = useTestDatabase();
const request = (path: string, query: string, cookie: string | null) => new Request(`http://localhost:3000${path}${query}`, { headers: cookie ? { cookie } : {} });
const get = (query: string, cookie: string | null) => GET(request('/api/admin/deflection', query, cookie), undefined);
const csv = (query: string, cookie: string | null) => getCsv(request('/api/admin/deflection.csv', query, cookie), undefined);

let agent: string;
let customer: string;

beforeAll(async () => {
  agent = await staffCookie(t.db, 'agent');
  const org = await seedOrg(t.db);
  customer = `deflect.session_token=${(await seedSession(t.db, org.userId, { activeOrganizationId: org.organizationId })).token}`;
});

describe('GET /api/admin/deflection and deflection.csv', () => {
  it('answer 401 without a staff session, a customer’s session included', async () => {
    for (const cookie of [null, customer]) {
      for (const response of [await get('', cookie), await csv('', cookie)]) {
        expect(response.status).toBe(401);
        expect(await response.json()).toMatchObject({ success: false, error: { code: 'unauthorized' } });
      }
    }
  });

  it('answers every category and the total for the last 90 days, as documented', async () => {
    const response = await get('', agent);
    expect(response.status).toBe(200);
    const body = await response.json();
    const operation = (openApiDocument().paths['/api/admin/deflection'] as Record<string, { responses: Record<string, { content: Record<string, { schema: object }> }> }>).get!;
    const schema = z.fromJSONSchema(operation.responses['200']!.content['application/json']!.schema as z.core.JSONSchema.JSONSchema);
    expect(schema.safeParse(body).error).toBeUndefined();
    expect(body.data.categories.map((c: { category: string }) => c.category)).toEqual(supportCategoryIds);
    expect((Date.parse(body.data.to) - Date.parse(body.data.from)) / 86_400_000).toBe(90);
    expect(body.data.total).toMatchObject({ category: 'total', deflectionRateInterval: null, repeatContacts: 0, holdout: { attempts: 0, ticketRate: null } });
  });

  it('answers 422 with the field for a date that is not YYYY-MM-DD, a reversed range or one over two years', async () => {
    const cases: [string, string][] = [
      ['?from=2026-02-30', 'from'],
      ['?from=yesterday', 'from'],
      ['?to=2026-1-1', 'to'],
      ['?from=2026-03-01&to=2026-02-01', 'to'],
      ['?from=2023-01-01&to=2026-01-01', 'to'],
    ];
    for (const [query, field] of cases) {
      for (const response of [await get(query, agent), await csv(query, agent)]) {
        expect(response.status, query).toBe(422);
        const body = await response.json();
        expect(body).toMatchObject({ success: false, error: { code: 'validation_failed' } });
        expect(Object.keys(body.error.fields), query).toEqual([field]);
      }
    }
  });

  it('downloads the CSV: the documented columns, one row per category, then the total', async () => {
    const response = await csv('?from=2026-01-05&to=2026-03-02', agent);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain('deflection-2026-01-05-2026-03-02.csv');
    const lines = (await response.text()).trim().split('\n');
    expect(lines[0]).toBe(csvColumns.join(','));
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([...supportCategoryIds, 'total']);
  });
});
