import { describe, expect, it } from 'vitest';
import { diffJson } from './diff';

describe('diffJson', () => {
  it('names each changed, added and removed field by its dotted path, and counts the rest', () => {
    const before = { role: 'member', name: 'Ann', address: { city: 'Berlin', line1: 'Main St 1' }, scopes: ['read'] };
    const after = { role: 'admin', name: 'Ann', address: { city: 'Hamburg', line1: 'Main St 1', line2: 'Floor 2' }, scopes: ['read', 'write'], email: null };
    expect(diffJson(before, after)).toEqual({
      changes: [
        { path: 'role', change: 'changed', before: 'member', after: 'admin' },
        { path: 'address.city', change: 'changed', before: 'Berlin', after: 'Hamburg' },
        { path: 'scopes', change: 'changed', before: ['read'], after: ['read', 'write'] },
        { path: 'address.line2', change: 'added', after: 'Floor 2' },
      ],
      unchanged: 2,
    });
  });

  it('reads a created thing as all added, a deleted one as all removed, and a bare value as one field', () => {
    expect(diffJson(null, { status: 'pending', seats: 3 }).changes).toEqual([
      { path: 'status', change: 'added', after: 'pending' },
      { path: 'seats', change: 'added', after: 3 },
    ]);
    expect(diffJson({ status: 'pending' }, null).changes).toEqual([{ path: 'status', change: 'removed', before: 'pending' }]);
    expect(diffJson('open', 'paid').changes).toEqual([{ path: 'value', change: 'changed', before: 'open', after: 'paid' }]);
    expect(diffJson(null, null)).toEqual({ changes: [], unchanged: 0 });
  });

  it('keeps an emptied object as a value of its own', () => {
    expect(diffJson({ address: { city: 'Berlin' } }, { address: {} }).changes).toEqual([
      { path: 'address.city', change: 'removed', before: 'Berlin' },
      { path: 'address', change: 'added', after: {} },
    ]);
  });
});
