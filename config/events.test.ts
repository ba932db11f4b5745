import { describe, expect, it } from 'vitest';
import { eventCatalog, eventDataOf, eventTypes, type EventDefinition } from './events';

describe('config/events.ts', () => {
  it.each(eventTypes)('%s: Slack only when the support team cares; email and in-app only with people to reach', (type) => {
    const event: EventDefinition = eventCatalog[type];
    expect(event.channels.includes('slack')).toBe(event.supportTeam);
    if (event.channels.includes('email') || event.channels.includes('in_app')) expect(event.people.length).toBeGreaterThan(0);
    expect(event.channels).toContain('webhook');
  });

  it('locks the security notices, which reach someone by email', () => {
    const locked = eventTypes.filter((type) => eventCatalog[type].locked);
    expect(locked).toEqual(['account.email_change_requested', 'account.password_changed', 'account.two_factor_disabled', 'team.ownership_transferred', 'api_key.created', 'api_key.rotated', 'api_key.revoked']);
    for (const type of locked) expect(eventCatalog[type].channels).toContain('email');
  });

  it('eventDataOf returns the payload its schema accepts and refuses the rest', () => {
    expect(eventDataOf('api_key.revoked', { keyId: 'k1', prefix: 'dfl_k1' })).toEqual({ keyId: 'k1', prefix: 'dfl_k1' });
    expect(() => eventDataOf('toString', {})).toThrow(/Unknown event type/);
    expect(() => eventDataOf('api_key.revoked', { keyId: 'k1' })).toThrow(/prefix/);
  });
});
