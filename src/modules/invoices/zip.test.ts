import { strFromU8, strToU8, Unzip, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipFiles } from './zip';

/** Entry names in archive order; unzipSync would key them into an object. */
function namesIn(zip: Buffer): string[] {
  const names: string[] = [];
  new Unzip((file) => names.push(file.name)).push(zip, true);
  return names;
}

describe('zipFiles', () => {
  it('stores each file under its name with its contents', () => {
    const zip = zipFiles([
      { name: 'INV-1.pdf', data: strToU8('first') },
      { name: 'INV-2.pdf', data: strToU8('second') },
    ]);

    const files = unzipSync(zip);
    expect(namesIn(zip)).toEqual(['INV-1.pdf', 'INV-2.pdf']);
    expect(strFromU8(files['INV-1.pdf']!)).toBe('first');
    expect(strFromU8(files['INV-2.pdf']!)).toBe('second');
  });

  it('numbers repeated names, ignoring case, keeping every file', () => {
    const zip = zipFiles([
      { name: 'INV-1.pdf', data: strToU8('a') },
      { name: 'INV-1.pdf', data: strToU8('b') },
      { name: 'inv-1.pdf', data: strToU8('c') },
      { name: 'INV-1 (2).pdf', data: strToU8('d') },
    ]);

    const names = namesIn(zip);
    expect(names).toEqual(['INV-1.pdf', 'INV-1 (2).pdf', 'inv-1 (3).pdf', 'INV-1 (2) (2).pdf']);
    const files = unzipSync(zip);
    expect(names.map((name) => strFromU8(files[name]!))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('makes names plain file names', () => {
    const zip = zipFiles([
      { name: '../../etc/passwd', data: strToU8('a') },
      { name: 'C:\\Windows\\evil.pdf', data: strToU8('b') },
      { name: 'a\u0000b\nc\u202Efdp.exe', data: strToU8('c') },
      { name: '..', data: strToU8('d') },
      { name: '  .hidden. ', data: strToU8('e') },
      { name: 'Rechnung Nº 7 – Müller.pdf', data: strToU8('f') },
    ]);

    const names = namesIn(zip);
    expect(names).toEqual(['_._etc_passwd', 'C__Windows_evil.pdf', 'a_b_c_fdp.exe', 'file', 'hidden', 'Rechnung Nº 7 – Müller.pdf']);
    for (const name of names) {
      expect(name).not.toMatch(/[/\\]|\.\.|\p{Cc}/u);
    }
  });

  it('shortens very long names but keeps the extension', () => {
    const [name] = namesIn(zipFiles([{ name: `${'x'.repeat(300)}.pdf`, data: strToU8('a') }]));
    expect(name).toHaveLength(120);
    expect(name!.endsWith('x.pdf')).toBe(true);
  });

  it('keeps names that an object would mangle, in order', () => {
    const zip = zipFiles(['__proto__', '10', '2'].map((name) => ({ name, data: strToU8(name) })));
    expect(namesIn(zip)).toEqual(['__proto__', '10', '2']);
  });

  it('builds a valid empty archive from no files', () => {
    expect(unzipSync(zipFiles([]))).toEqual({});
  });
});
