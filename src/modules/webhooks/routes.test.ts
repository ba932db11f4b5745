import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../../../tests/support/webhook-receiver';
import { useTestDatabase } from '../../../tests/support/test-db';
import { WEBHOOK_CHANNEL, webhookChannel } from './service';
import { auditLog, outbox } from '@/platform/actions/schema';
import { registerChannel, unregisterChannel } from '@/platform/jobs/channels';
import { outboxWritten } from '@/platform/jobs/nudge';
import { startProcessJobs, stopProcessJobs } from '@/platform/jobs/process';
import { deliveries } from '@/platform/jobs/schema';
import { unseal } from '@/platform/crypto/sealed';
import { webhookEndpoint } from './schema';
import { POST as retry } from '@/app/api/v1/webhook-deliveries/[id]/retry/route';
import { GET as listDeliveries } from '@/app/api/v1/webhook-endpoints/[id]/deliveries/route';
import { DELETE as remove, PATCH as update } from '@/app/api/v1/webhook-endpoints/[id]/route';
import { GET as list, POST as create } from '@/app/api/v1/webhook-endpoints/route';

const database = useTestDatabase();
const SECRET = process.env.PORTAL_SERVER_SECRET!;
const DEADLINE = { timeout: 15_000, interval: 50 };
const BASE = 'http://localhost:3000/api/v1';

type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;
type Envelope = { success: boolean; data?: Record<string, unknown> & { endpoint?: Record<string, unknown> }; error?: { code: string; fields?: Record<string, string> } };

async function call(handler: Handler, method: string, path: string, options: { id?: string; body?: unknown; auth?: string | null } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const auth = options.auth === undefined ? `Bearer ${SECRET}` : options.auth;
  if (auth) headers.authorization = auth;
  const request = new Request(`${BASE}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const response = await handler(request, { params: Promise.resolve({ id: options.id ?? '' }) });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as Envelope };
}

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
  registerChannel(WEBHOOK_CHANNEL, webhookChannel({ retrySchedule: [] }));
  await startProcessJobs();
});
afterAll(async () => {
  await stopProcessJobs();
  unregisterChannel(WEBHOOK_CHANNEL);
  await receiver.close();
});

describe('/api/v1/webhook-endpoints', () => {
  it('refuses every route without the server secret', async () => {
    for (const auth of [null, 'Bearer wrong-secret']) {
      const answers = await Promise.all([
        call(create as Handler, 'POST', '/webhook-endpoints', { auth, body: { url: receiver.url, events: ['*'] } }),
        call(list as Handler, 'GET', '/webhook-endpoints', { auth }),
        call(update, 'PATCH', '/webhook-endpoints/x', { auth, id: 'x', body: { enabled: false } }),
        call(remove, 'DELETE', '/webhook-endpoints/x', { auth, id: 'x' }),
        call(listDeliveries, 'GET', '/webhook-endpoints/x/deliveries', { auth, id: 'x' }),
        call(retry, 'POST', '/webhook-deliveries/1/retry', { auth, id: '1' }),
      ]);
      expect(answers.map((a) => [a.status, a.body.error?.code])).toEqual(answers.map(() => [401, 'unauthorized']));
    }
    expect(await database.db.select().from(auditLog).where(eq(auditLog.action, 'host.create_webhook_endpoint'))).toEqual([]);
  });

  it.each([
    [{ url: 'ftp://host.example/hooks', events: ['*'] }, 'url'],
    [{ url: 'not a url', events: ['*'] }, 'url'],
    [{ url: 'https://host.example/hooks', events: ['team.member_removed', 'no.such_event'] }, 'events.1'],
    [{ url: 'https://host.example/hooks', events: ['team.*'] }, 'events.0'],
    [{ url: 'https://host.example/hooks', events: [] }, 'events'],
    [{ url: 'https://host.example/hooks', events: ['*', 'team.member_removed'] }, 'events'],
    [{ url: 'https://host.example/hooks' }, 'events'],
  ])('refuses %j with 422 naming %s', async (body, field) => {
    const { status, body: envelope } = await call(create as Handler, 'POST', '/webhook-endpoints', { body });
    expect(status).toBe(422);
    expect(envelope.error).toMatchObject({ code: 'validation_failed', fields: { [field]: expect.any(String) } });
  });

  it('shows the secret only in the create answer, and keeps it and the URL credentials out of the audit log', async () => {
    const url = 'https://hook-user:hook-password@host.example/hooks?token=query-token';
    const created = await call(create as Handler, 'POST', '/webhook-endpoints', { body: { url, events: ['team.member_removed'], description: 'CRM sync' } });
    expect(created.status).toBe(201);
    const endpoint = created.body.data!.endpoint!;
    expect(endpoint).toMatchObject({ url, events: ['team.member_removed'], enabled: true, description: 'CRM sync', secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{43}=$/) });
    const secret = endpoint.secret as string;
    const id = endpoint.id as string;
    const [stored] = await database.db.select().from(webhookEndpoint).where(eq(webhookEndpoint.id, id));
    expect(stored!.secretSealed).not.toContain(secret.slice(6, 20));
    expect(unseal(stored!.secretSealed)).toBe(secret);

    const listed = await call(list as Handler, 'GET', '/webhook-endpoints');
    expect(listed.status).toBe(200);
    expect((listed.body.data!.endpoints as { id: string }[]).find((e) => e.id === id)).toMatchObject({ id, url, enabled: true });
    const patched = await call(update, 'PATCH', `/webhook-endpoints/${id}`, { id, body: { events: ['*'], enabled: false } });
    expect(patched.status).toBe(200);
    expect(patched.body.data!.endpoint).toMatchObject({ id, events: ['*'], enabled: false });
    const deleted = await call(remove, 'DELETE', `/webhook-endpoints/${id}`, { id });
    expect(deleted.status).toBe(200);

    for (const answer of [listed, patched, deleted]) expect(answer.text).not.toContain(secret.slice(6, 20));
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.map((a) => a.action).toSorted()).toEqual(['host.create_webhook_endpoint', 'host.delete_webhook_endpoint', 'host.update_webhook_endpoint']);
    expect(audit.every((a) => a.actorType === 'host')).toBe(true);
    const auditText = JSON.stringify(audit);
    for (const leaked of [secret.slice(6, 20), 'hook-password', 'hook-user', 'query-token']) expect(auditText).not.toContain(leaked);
    expect(auditText).toContain('https://host.example/hooks');
    expect((await call(list as Handler, 'GET', '/webhook-endpoints')).body.data!.endpoints).not.toContainEqual(expect.objectContaining({ id }));
  });

  it('answers not_found for an endpoint or a delivery that does not exist', async () => {
    const missing = '3f1c2a4e-0000-4000-8000-000000000000';
    const answers = await Promise.all([
      call(update, 'PATCH', `/webhook-endpoints/${missing}`, { id: missing, body: { enabled: false } }),
      call(remove, 'DELETE', `/webhook-endpoints/${missing}`, { id: missing }),
      call(listDeliveries, 'GET', `/webhook-endpoints/${missing}/deliveries`, { id: missing }),
      call(retry, 'POST', '/webhook-deliveries/987654321/retry', { id: '987654321' }),
      call(retry, 'POST', '/webhook-deliveries/abc/retry', { id: 'abc' }),
    ]);
    expect(answers.map((a) => [a.status, a.body.error?.code])).toEqual(answers.map(() => [404, 'not_found']));
  });

  it('lists an endpoint’s deliveries by status, and a retry answers 202 and delivers again', async () => {
    const created = await call(create as Handler, 'POST', '/webhook-endpoints', { body: { url: receiver.url, events: ['*'] } });
    const id = created.body.data!.endpoint!.id as string;
    receiver.secret = created.body.data!.endpoint!.secret as string;
    receiver.answer = () => 500;
    const [event] = await database.db.insert(outbox).values({ organizationId: null, type: 'team.member_removed', payload: { memberId: 'm-1', userId: 'u-1', role: 'member' } }).returning();
    outboxWritten();

    const failedList = async () => (await call(listDeliveries, 'GET', `/webhook-endpoints/${id}/deliveries?status=failed`, { id })).body.data!.deliveries as Record<string, unknown>[];
    await expect.poll(failedList, DEADLINE).toHaveLength(1);
    const [failed] = await failedList();
    expect(failed).toMatchObject({ eventId: String(event!.id), type: 'team.member_removed', status: 'failed', attempts: 1, lastResponseStatus: 500, nextAttemptAt: null, createdAt: expect.any(String) });
    expect((await call(listDeliveries, 'GET', `/webhook-endpoints/${id}/deliveries?status=succeeded`, { id })).body.data!.deliveries).toEqual([]);
    expect((await call(listDeliveries, 'GET', `/webhook-endpoints/${id}/deliveries?status=lost&limit=0`, { id })).body.error).toMatchObject({ code: 'validation_failed', fields: { status: expect.any(String), limit: expect.any(String) } });

    // Another channel's delivery is not a webhook delivery.
    const [other] = await database.db.insert(deliveries).values({ eventId: event!.id, channel: 'email', target: 'someone@example.test', status: 'failed' }).returning();
    expect((await call(retry, 'POST', `/webhook-deliveries/${other!.id}/retry`, { id: String(other!.id) })).status).toBe(404);

    receiver.answer = () => 200;
    const retried = await call(retry, 'POST', `/webhook-deliveries/${failed!.id as string}/retry`, { id: failed!.id as string });
    expect(retried.status).toBe(202);
    await expect.poll(() => receiver.accepted(), DEADLINE).toEqual([String(event!.id)]);
    await expect.poll(async () => (await call(listDeliveries, 'GET', `/webhook-endpoints/${id}/deliveries?status=succeeded`, { id })).body.data!.deliveries, DEADLINE).toEqual([
      expect.objectContaining({ id: failed!.id, status: 'succeeded', attempts: 2, lastResponseStatus: 200 }),
    ]);
    expect(await database.db.select().from(auditLog).where(eq(auditLog.action, 'host.retry_webhook_delivery'))).toHaveLength(1);
  });
});
