import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';

// A key reads `dfl_live_` (or `dfl_test_`), 43 random base62 characters (256 bits) and a 6-character
// base62 CRC32 of everything before it. The prefix lets secret scanners and people recognise a key;
// the checksum lets verify refuse a mistyped or made-up key without a database lookup.

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BODY_LENGTH = 43;
const CHECKSUM_LENGTH = 6;
const KEY_PATTERN = /^(dfl_(?:live|test)_)([0-9A-Za-z]{43})([0-9A-Za-z]{6})$/;
/** How much of a key the list shows: the prefix and the first 8 random characters. */
const DISPLAY_LENGTH = 'dfl_live_'.length + 8;

export type KeyEnvironment = 'live' | 'test';

function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62]; // 248 = 4 × 62: no modulo bias
    }
  }
  return out;
}

function checksumOf(text: string): string {
  let n = crc32(text);
  let out = '';
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    out = ALPHABET[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out;
}

export function generateKey(environment: KeyEnvironment): string {
  const head = `dfl_${environment}_${randomBase62(BODY_LENGTH)}`;
  return head + checksumOf(head);
}

/** True when the string has a key's shape and its checksum matches. */
export function isWellFormedKey(key: string): boolean {
  const match = KEY_PATTERN.exec(key);
  return match !== null && checksumOf(match[1]! + match[2]!) === match[3];
}

export function displayPrefix(key: string): string {
  return key.slice(0, DISPLAY_LENGTH);
}

export const KEY_LENGTH = 'dfl_live_'.length + BODY_LENGTH + CHECKSUM_LENGTH;
