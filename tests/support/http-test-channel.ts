import { registerChannel } from '../../src/platform/jobs/channels';

export const TEST_CHANNEL = 'test-http';

/** A channel that POSTs each event to one URL, as the real channels (webhooks, Slack) will. */
export function registerHttpTestChannel(url: string): void {
  registerChannel(TEST_CHANNEL, {
    targets: () => [url],
    async deliver(event, target) {
      const response = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ eventId: event.id, type: event.type }) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return { response: `HTTP ${response.status}` };
    },
  });
}
