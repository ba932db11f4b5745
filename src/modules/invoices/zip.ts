import { Zip, ZipDeflate } from 'fflate';
import { safeFileName, splitExtension } from '@/platform/http/attachment';

export type ZipFile = { name: string; data: Uint8Array };

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

function uniqueName(name: string, taken: Set<string>): string {
  if (!taken.has(name.toLowerCase())) return name;
  const { stem, ext } = splitExtension(name);
  for (let n = 2; ; n++) {
    const candidate = `${stem} (${n})${ext}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
