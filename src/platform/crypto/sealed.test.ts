import { describe, expect, it } from 'vitest';
import { seal, unseal } from './sealed';

describe('sealed secrets', () => {
  it('opens what it sealed, and the sealed form does not contain the secret', () => {
    const secret = 'https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXX';
    const sealed = seal(secret);
    expect(sealed).not.toContain('hooks.slack.com');
    expect(sealed).toMatch(/^v1\./);
    expect(unseal(sealed)).toBe(secret);
  });

  it('seals the same secret differently each time', () => {
    expect(seal('whsec_same')).not.toBe(seal('whsec_same'));
  });

  it('refuses a sealed value that was altered or is not one', () => {
    const [version, iv, tag, ciphertext] = seal('whsec_abc').split('.');
    const flipped = Buffer.from(ciphertext!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => unseal([version, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
    expect(() => unseal('whsec_plain')).toThrow('not a sealed value');
  });
});
