import { registerChannel } from '../../src/platform/jobs/channels';

export const TEST_CHANNEL = 'test-http';

/** A channel that POSTs each event to one URL, as the real channels (webhooks, Slack) will. */
export function registerHttpTestChannel(url: string, retrySchedule: readonly number[] = [0.2, 0.5, 1, 2]): void {
  registerChannel(TEST_CHANNEL, {
    targets: () => [url],
    retrySchedule,
    async deliver(event, target) {
      const response = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ eventId: event.id, type: event.type }) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return { response: `HTTP ${response.status}` };
    },
  });
}
