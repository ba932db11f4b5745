import { describe, expect, it } from 'vitest';
import { keyBody } from '../../../tests/support/api-key-fixtures';
import { displayPrefix, generateKey, isWellFormedKey, KEY_LENGTH } from './key-format';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** The same key with the character at `index` replaced by another character of the alphabet. */
function withCharChanged(key: string, index: number): string {
  const next = ALPHABET[(ALPHABET.indexOf(key[index]!) + 1) % ALPHABET.length]!;
  return key.slice(0, index) + next + key.slice(index + 1);
}

describe('key format', () => {
  it.each(['live', 'test'] as const)('a %s key reads dfl_%s_, then the random body, then a checksum', (environment) => {
    const key = generateKey(environment);
    expect(key.startsWith(`dfl_${environment}_`)).toBe(true);
    expect(key).toHaveLength(KEY_LENGTH);
    expect(key).toMatch(new RegExp(`^dfl_${environment}_[0-9A-Za-z]{43}[0-9A-Za-z]{6}$`));
    expect(isWellFormedKey(key)).toBe(true);
  });

  it('carries at least 32 random bytes (256 bits) in a URL-safe alphabet', () => {
    const key = generateKey('live');
    const body = keyBody(key);
    expect(body.length * Math.log2(62)).toBeGreaterThanOrEqual(256);
    expect(encodeURIComponent(key)).toBe(key);
    expect(key).toMatch(/^[A-Za-z0-9_]+$/);
  });

  it('draws every character of the alphabet and never repeats a key', () => {
    const keys = Array.from({ length: 2000 }, () => generateKey('live'));
    expect(new Set(keys).size).toBe(keys.length);
    const seen = new Set(keys.flatMap((k) => [...keyBody(k)]));
    expect([...seen].sort().join('')).toBe([...ALPHABET].sort().join(''));
  });

  it('refuses a key whose checksum does not match, whichever character was mistyped', () => {
    const key = generateKey('live');
    for (let i = 'dfl_live_'.length; i < key.length; i++) expect(isWellFormedKey(withCharChanged(key, i)), `changed at ${i}`).toBe(false);
  });

  it('refuses strings that do not have a key’s shape', () => {
    const key = generateKey('test');
    for (const bad of ['', 'dfl_live_', key.slice(0, -1), `${key}0`, ` ${key}`, `${key}\n`, key.replace('dfl_test_', 'dfl_prod_'), key.replace('dfl_test_', 'DFL_TEST_'), key.replace(/.$/, '-'), 'x'.repeat(100_000)]) {
      expect(isWellFormedKey(bad), JSON.stringify(bad.slice(0, 60))).toBe(false);
    }
  });

  it('shows only the prefix and the first 8 random characters in a list', () => {
    const key = generateKey('live');
    expect(displayPrefix(key)).toBe(key.slice(0, 'dfl_live_'.length + 8));
    expect(key.length - displayPrefix(key).length).toBeGreaterThanOrEqual(35 + 6);
  });
});
