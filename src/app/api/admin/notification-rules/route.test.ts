import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { eventCatalog, eventTypes } from '@config/events';
import { listStaffAuditEntries, staffAuditQuery } from '@/modules/audit/service';
import { signedInStaff } from '../../../../../tests/support/staff-fixtures';
import { seedOrg, seedSession, useTestDatabase } from '../../../../../tests/support/test-db';
import { openApiDocument } from '../../openapi.json/document';
import { GET, PUT } from './route';

// The support team's notification rules at their HTTP edge: defaults, masking of the Slack URLs,
// lead-only changes and odd input.

const t = useTestDatabase();
const ORIGIN = 'http://localhost:3000';
const SLACK_URL = 'https://hooks.slack.com/services/T0AAAAAAA/B0BBBBBBB/abcdefghijklmnopqrstwxyz';
const OTHER_URL = 'https://hooks.slack.com/services/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';

type Rule = { event: string; label: string; slack: string[]; email: string[]; console: boolean; supportTeam: boolean; saved: boolean };
type Answer = { status: number; text: string; body: { success: boolean; data?: { rules: Rule[] }; error?: { code: string; fields?: Record<string, string> } } };

let agent: string;
let lead: string;

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as Answer['body'] };
}

async function getRules(cookie: string | null = agent): Promise<Answer> {
  return answer(await GET(new Request(`${ORIGIN}/api/admin/notification-rules`, { headers: cookie ? { cookie } : {} }), undefined));
}

async function putRules(body: unknown, cookie: string | null = lead): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', origin: ORIGIN };
  if (cookie) headers.cookie = cookie;
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  return answer(await PUT(new Request(`${ORIGIN}/api/admin/notification-rules`, { method: 'PUT', headers, body: raw }), undefined));
}

const ruleOf = (a: Answer, event: string) => a.body.data!.rules.find((r) => r.event === event)!;

beforeAll(async () => {
  agent = (await signedInStaff(t.db, 'agent')).cookie;
  lead = (await signedInStaff(t.db, 'lead')).cookie;
});

describe('GET|PUT /api/admin/notification-rules', () => {
  it('lists every event; by default the support team’s events are on, with no Slack URL or address yet', async () => {
    const got = await getRules();
    expect(got.status).toBe(200);
    const rules = got.body.data!.rules;
    expect(rules.map((r) => r.event).toSorted()).toEqual([...eventTypes].toSorted());
    const on = rules.filter((r) => r.console).map((r) => r.event);
    expect(on.toSorted()).toEqual(eventTypes.filter((e) => eventCatalog[e].supportTeam).toSorted());
    expect(on).toEqual(expect.arrayContaining(['subscription.changed', 'invoice.payment_failed', 'team.member_removed', 'usage.threshold_reached']));
    expect(rules.every((r) => r.slack.length === 0 && r.email.length === 0 && !r.saved)).toBe(true);
    expect(rules.slice(0, on.length).every((r) => r.supportTeam)).toBe(true);
  });

  it('refuses a change by an agent (403), and anyone without a staff session (401)', async () => {
    const org = await seedOrg(t.db);
    const customer = `deflect.session_token=${(await seedSession(t.db, org.userId, { activeOrganizationId: org.organizationId })).token}`;
    const body = { rules: [{ event: 'subscription.changed', slack: [SLACK_URL], email: [], console: true }] };
    expect(await putRules(body, agent)).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect((await putRules(body, null)).status).toBe(401);
    expect((await putRules(body, customer)).status).toBe(401);
    expect((await getRules(customer)).status).toBe(401);
    expect((await getRules()).body.data!.rules.every((r) => !r.saved)).toBe(true);
  });

  it('keeps a Slack URL sealed and never shows it again: answers, reads and the audit row show it masked', async () => {
    const put = await putRules({ rules: [{ event: 'subscription.changed', slack: [SLACK_URL], email: ['Support@Example.test'], console: true }] });
    expect(put.status).toBe(200);
    const masked = ruleOf(put, 'subscription.changed').slack;
    expect(masked).toEqual(['https://hooks.slack.com/services/T0…/…wxyz']);
    expect(ruleOf(put, 'subscription.changed')).toMatchObject({ email: ['support@example.test'], console: true, saved: true });

    const got = await getRules();
    expect(ruleOf(got, 'subscription.changed').slack).toEqual(masked);
    for (const text of [put.text, got.text]) expect(text).not.toContain('abcdefghijklmnopqrstwxyz');

    const { entries } = await listStaffAuditEntries(t.db, staffAuditQuery.parse({ action: 'staff.notification_rules.update' }));
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries[0])).not.toContain('abcdefghijklmnopqrstwxyz');
    expect(entries[0]!.after).toEqual({ 'subscription.changed': { slack: masked, email: ['support@example.test'], console: true } });
  });

  it('a PUT that sends the masked URL back keeps the stored one, for any event', async () => {
    const masked = ruleOf(await getRules(), 'subscription.changed').slack[0]!;
    const put = await putRules({
      rules: [
        { event: 'subscription.changed', slack: [masked], email: [], console: false },
        { event: 'invoice.payment_failed', slack: [masked, OTHER_URL], email: [], console: true },
      ],
    });
    expect(put.status).toBe(200);
    expect(ruleOf(put, 'subscription.changed')).toMatchObject({ slack: [masked], email: [], console: false });
    expect(ruleOf(put, 'invoice.payment_failed').slack).toEqual([masked, 'https://hooks.slack.com/services/T0…/…fedc']);
  });

  it('refuses a masked value once no rule names its URL any more', async () => {
    const put = await putRules({
      rules: [
        { event: 'subscription.changed', slack: [], email: [], console: true },
        { event: 'invoice.payment_failed', slack: [], email: [], console: true },
      ],
    });
    expect(put.status).toBe(200);
    const stale = await putRules({ rules: [{ event: 'subscription.changed', slack: ['https://hooks.slack.com/services/T0…/…wxyz'], email: [], console: true }] });
    expect(stale).toMatchObject({ status: 422, body: { error: { code: 'validation_failed', fields: { 'rules.0.slack.0': expect.stringContaining('paste the full URL') } } } });
  });

  it('answers 422 with the field for odd input, never a 500', async () => {
    const one = (rule: Record<string, unknown>) => ({ rules: [{ event: 'subscription.changed', slack: [], email: [], console: true, ...rule }] });
    const cases: [unknown, string][] = [
      [one({ slack: ['http://hooks.slack.com/services/T0/B0/xyz'] }), 'rules.0.slack.0'],
      [one({ slack: ['javascript:alert(1)'] }), 'rules.0.slack.0'],
      [one({ slack: ['https://user:pw@hooks.slack.com/x'] }), 'rules.0.slack.0'],
      [one({ slack: ['not a url'] }), 'rules.0.slack.0'],
      [one({ email: ['not-an-address'] }), 'rules.0.email.0'],
      [one({ event: 'nothing.happened' }), 'rules.0.event'],
      [one({ console: 'yes' }), 'rules.0.console'],
      [one({ extra: 1 }), 'rules.0'],
      [{ rules: [one({}).rules[0], one({}).rules[0]] }, 'rules.1.event'],
      [{ rules: 'all' }, 'rules'],
      ['{"rules": [', '_'],
    ];
    for (const [body, field] of cases) {
      const put = await putRules(body);
      expect(put.status, JSON.stringify(body)).toBe(422);
      expect(put.body.error!.fields, JSON.stringify(body)).toHaveProperty([field]);
    }
  });

  it('answers as the API reference documents it', async () => {
    const documented = (method: 'get' | 'put') => {
      const operation = (openApiDocument().paths['/api/admin/notification-rules'] as Record<string, { responses: Record<string, { content: Record<string, { schema: object }> }> }>)[method]!;
      return z.fromJSONSchema(operation.responses['200']!.content['application/json']!.schema as z.core.JSONSchema.JSONSchema);
    };
    const body = { rules: [{ event: 'usage.threshold_reached', slack: [SLACK_URL], email: ['oncall@example.test'], console: true }] };
    expect(documented('put').safeParse((await putRules(body)).body).error).toBeUndefined();
    expect(documented('get').safeParse((await getRules()).body).error).toBeUndefined();
  });
});
