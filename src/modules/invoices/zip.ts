import { Zip, ZipDeflate } from 'fflate';

export type ZipFile = { name: string; data: Uint8Array };

const MAX_NAME_LENGTH = 120;
const MAX_EXTENSION_LENGTH = 16;

/**
 * One ZIP archive of `files`, in order. Names are user-supplied, so each is made a plain file name
 * (no folders, no `..`, nothing Windows refuses) and renamed "name (2).ext" when it repeats one
 * before it, ignoring case as Windows and macOS do.
 */
export function zipFiles(files: ZipFile[]): Buffer {
  const chunks: Uint8Array[] = [];
  // The streaming Zip, not zipSync: zipSync takes an object keyed by name, which reorders
  // integer-like names and turns a file named "__proto__" into a prototype.
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  const taken = new Set<string>();
  for (const { name, data } of files) {
    const unique = uniqueName(safeFileName(name), taken);
    taken.add(unique.toLowerCase());
    const entry = new ZipDeflate(unique);
    zip.add(entry);
    entry.push(data, true);
  }
  zip.end();
  return Buffer.concat(chunks);
}

function safeFileName(name: string): string {
  const plain = name.normalize('NFC').replace(/[\p{Cc}\p{Cf}/\\:*?"<>|]/gu, '_');
  return (
    truncate(plain)
      .replace(/\.{2,}/g, '.')
      .replace(/^[\s.]+|[\s.]+$/g, '') || 'file'
  );
}

function truncate(name: string): string {
  if ([...name].length <= MAX_NAME_LENGTH) return name;
  const { stem, ext } = splitExtension(name);
  return [...stem].slice(0, MAX_NAME_LENGTH - [...ext].length).join('') + ext;
}

function uniqueName(name: string, taken: Set<string>): string {
  if (!taken.has(name.toLowerCase())) return name;
  const { stem, ext } = splitExtension(name);
  for (let n = 2; ; n++) {
    const candidate = `${stem} (${n})${ext}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

function splitExtension(name: string): { stem: string; ext: string } {
  const dot = name.lastIndexOf('.');
  return dot > 0 && name.length - dot <= MAX_EXTENSION_LENGTH ? { stem: name.slice(0, dot), ext: name.slice(dot) } : { stem: name, ext: '' };
}
