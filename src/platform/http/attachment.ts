import { create } from 'content-disposition';

const MAX_NAME_LENGTH = 120;
const MAX_EXTENSION_LENGTH = 16;

/**
 * A user-supplied name made a plain file name: no folders, no `..`, no control characters, nothing
 * Windows refuses, at most MAX_NAME_LENGTH characters with its extension kept.
 */
export function safeFileName(name: string): string {
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

export function splitExtension(name: string): { stem: string; ext: string } {
  const dot = name.lastIndexOf('.');
  return dot > 0 && name.length - dot <= MAX_EXTENSION_LENGTH ? { stem: name.slice(0, dot), ext: name.slice(dot) } : { stem: name, ext: '' };
}

/**
 * The headers of a private download. The name is data, so the content-disposition package writes
 * the header (RFC 6266, with an RFC 8187 `filename*` for names beyond ASCII).
 */
export function attachmentHeaders(fileName: string, contentType: string): Record<string, string> {
  return { 'content-type': contentType, 'content-disposition': create(safeFileName(fileName)), 'cache-control': 'private, no-store' };
}
