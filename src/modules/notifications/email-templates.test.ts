import { describe, expect, it } from 'vitest';
import { eventCatalog, eventTypes } from '@config/events';
import { hasEmailTemplate, notificationMail, type MailFacts } from './email-templates';

const withEmail = eventTypes.filter((type) => (eventCatalog[type].channels as readonly string[]).includes('email'));

function facts(type: string, payload: Record<string, unknown>, recipient: MailFacts['recipient'] = { kind: 'person', name: 'Ada' }): MailFacts {
  return { event: { id: 1, organizationId: 'org', type, payload, createdAt: new Date() }, recipient, organizationName: 'Acme', actor: 'grace@example.test' };
}

describe('the notification mails', () => {
  it.each(withEmail)('%s, which goes out by email, has a mail', (type) => {
    expect(hasEmailTemplate(type)).toBe(true);
  });

  it('a notice one may switch off links to the preferences; a locked one and one to an address do not', () => {
    const roleChanged = notificationMail(facts('team.member_role_changed', { memberId: 'm', userId: 'u', from: 'member', to: 'admin' }))!;
    expect(roleChanged.text).toMatch(/^Change them: http:\/\/localhost:3000\/account\/notifications$/m);
    expect(roleChanged.html).toContain('href="http://localhost:3000/account/notifications"');
    expect(roleChanged.text).toContain('Hi Ada,');
    expect(roleChanged.text).toContain('Changed by grace@example.test.');

    const locked = notificationMail(facts('api_key.revoked', { keyId: 'k', prefix: 'dfl_ab' }))!;
    expect(locked.text).not.toContain('/account/notifications');
    expect(locked.text).toContain('cannot be switched off');

    const toAddress = notificationMail(facts('billing.details_changed', { organizationId: 'org', fields: ['billingEmail'], billingEmail: { from: 'a@x.test', to: 'b@x.test' } }, { kind: 'address' }))!;
    expect(toAddress.text).not.toContain('/account/notifications');
    expect(toAddress.text).toContain('Hello,');
    expect(toAddress.text).toContain('from a@x.test to b@x.test');
  });

  it('escapes names in the html and keeps the subject on one line', () => {
    const mail = notificationMail({ ...facts('team.member_removed', { memberId: 'm', userId: 'u', role: 'member' }, { kind: 'person', name: '<b>Eve</b>' }), organizationName: 'Evil\r\nBcc: x@y' })!;
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.html).not.toContain('<b>Eve</b>');
    expect(mail.html).toContain('&lt;b&gt;Eve&lt;/b&gt;');
  });
});
