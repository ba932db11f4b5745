import { describe, expect, it } from 'vitest';
import { scopeContentInput } from './inputs';
import { sectionIdOfPage } from '@config/sections';
import { arrangeScope, proposeScope, rewordScope, type ScopeReason } from './propose';

// What the console proposes from an audit's ranked reasons, and what a lead's choice makes of it.

// A hand-made top list of 100 tickets, as topReasons ranks it.
const top: ScopeReason[] = [
  { category: 'card', tickets: 30, share: 0.3, portalScreen: '/account/billing?flow=payment_method_update' },
  { category: 'team', tickets: 20, share: 0.2, portalScreen: '/account/team' },
  { category: 'refund', tickets: 15, share: 0.15, portalScreen: null },
  { category: 'billing_details', tickets: 10, share: 0.1, portalScreen: '/account/billing' },
  { category: 'account_access', tickets: 10, share: 0.1, portalScreen: '/account' },
  { category: 'invoices', tickets: 8, share: 0.08, portalScreen: '/account/invoices' },
  { category: 'other', tickets: 7, share: 0.07, portalScreen: null },
];

describe('sectionIdOfPage', () => {
  it('puts a screen in the section its path is under, and the account page in Account', () => {
    expect(sectionIdOfPage('/account/billing?flow=subscription_update')).toBe('billing');
    expect(sectionIdOfPage('/account/api-keys')).toBe('api-keys');
    expect(sectionIdOfPage('/account')).toBe('account');
  });
});

describe('proposeScope', () => {
  it('ranks sections by the tickets their screens absorb and leaves the reasons without a screen with support', () => {
    expect(proposeScope(top)).toEqual({
      launch: [
        { section: 'billing', categories: ['card', 'billing_details'], tickets: 40, share: 0.4, note: '' },
        { section: 'team', categories: ['team'], tickets: 20, share: 0.2, note: '' },
        { section: 'account', categories: ['account_access'], tickets: 10, share: 0.1, note: '' },
        { section: 'invoices', categories: ['invoices'], tickets: 8, share: 0.08, note: '' },
      ],
      staysWithSupport: [
        { category: 'refund', tickets: 15, reason: 'Refund: no portal screen does this, so a person answers it.' },
        { category: 'other', tickets: 7, reason: 'Something else: no portal screen does this, so a person answers it.' },
      ],
      notes: '',
    });
  });

  it('proposes nothing to launch from an audit whose reasons have no screen, and nothing at all from an empty one', () => {
    expect(proposeScope([top[2]!]).launch).toEqual([]);
    expect(proposeScope([])).toEqual({ launch: [], staysWithSupport: [], notes: '' });
  });

  it('writes a proposal the edit input accepts as it is', () => {
    expect(scopeContentInput.parse(proposeScope(top))).toEqual(proposeScope(top));
  });
});

describe('arrangeScope', () => {
  it('keeps the ticked sections with their notes and moves the others’ reasons to support, most tickets first', () => {
    const arranged = arrangeScope(top, {
      launch: ['team', 'invoices'],
      sectionNotes: { team: '  Invites first. ', billing: 'not launched, so dropped' },
      reasons: { card: 'Stripe’s portal is not ready.', refund: '' },
      notes: ' Q4. ',
    });
    expect(arranged).toEqual({
      launch: [
        { section: 'team', categories: ['team'], tickets: 20, share: 0.2, note: 'Invites first.' },
        { section: 'invoices', categories: ['invoices'], tickets: 8, share: 0.08, note: '' },
      ],
      staysWithSupport: [
        { category: 'card', tickets: 30, reason: 'Stripe’s portal is not ready.' },
        { category: 'refund', tickets: 15, reason: 'Refund: no portal screen does this, so a person answers it.' },
        { category: 'account_access', tickets: 10, reason: 'Sign-in and account security: its screen is not in this launch.' },
        { category: 'billing_details', tickets: 10, reason: 'Billing details: its screen is not in this launch.' },
        { category: 'other', tickets: 7, reason: 'Something else: no portal screen does this, so a person answers it.' },
      ],
      notes: 'Q4.',
    });
  });

  it('rewords a document without moving anything when its audit is gone', () => {
    const content = proposeScope(top);
    const reworded = rewordScope(content, { launch: [], sectionNotes: { team: 'Soon.' }, reasons: { other: 'Too varied.', refund: '  ' }, notes: 'Kept.' });
    expect(reworded.launch.map((s) => [s.section, s.note])).toEqual([
      ['billing', ''],
      ['team', 'Soon.'],
      ['account', ''],
      ['invoices', ''],
    ]);
    expect(reworded.staysWithSupport.map((s) => s.reason)).toEqual([content.staysWithSupport[0]!.reason, 'Too varied.']);
    expect(reworded.notes).toBe('Kept.');
  });
});

describe('scopeContentInput', () => {
  const valid = proposeScope(top);
  const fieldsOf = (value: unknown) => {
    const parsed = scopeContentInput.safeParse(value);
    return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
  };

  it('refuses a reason under a section none of whose screens absorbs it, and a reason or section twice', () => {
    expect(fieldsOf({ ...valid, launch: [{ ...valid.launch[0]!, categories: ['card', 'team'] }] })).toEqual(['launch.0.categories.1']);
    expect(fieldsOf({ ...valid, staysWithSupport: [...valid.staysWithSupport, { category: 'card', tickets: 1, reason: 'Twice.' }] })).toEqual(['staysWithSupport.2.category']);
    expect(fieldsOf({ ...valid, launch: [valid.launch[1]!, { ...valid.launch[1]!, categories: [] }] })).toEqual(['launch.1.categories', 'launch.1.section']);
  });

  it('refuses unknown sections and categories, an empty reason and odd numbers', () => {
    expect(fieldsOf({ ...valid, launch: [{ ...valid.launch[0]!, section: 'nowhere' }] })).toEqual(['launch.0.section']);
    expect(fieldsOf({ ...valid, staysWithSupport: [{ category: 'refund', tickets: -1, reason: ' ' }] })).toEqual(['staysWithSupport.0.tickets', 'staysWithSupport.0.reason']);
    expect(fieldsOf({ ...valid, launch: [{ ...valid.launch[0]!, share: 1.5, tickets: 2.5 }] })).toEqual(['launch.0.tickets', 'launch.0.share']);
    expect(fieldsOf({ launch: 'all' })).toEqual(['launch', 'staysWithSupport', 'notes']);
  });
});
