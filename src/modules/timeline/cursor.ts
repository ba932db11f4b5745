import { z } from 'zod';
import type { Keyset } from '@/platform/db/keyset';

/** The last entry of a page: its exact time, its source and its key there. */
export type TimelineCursor = { at: string; source: string; key: string };

const exactTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const shape = z.tuple([z.string().regex(exactTime), z.string().min(1).max(50), z.string().min(1).max(200)]);

export function encodeCursor(cursor: TimelineCursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.source, cursor.key])).toString('base64url');
}

/** The cursor in `text`, or null when it is not one this timeline handed out. */
export function decodeCursor(text: string): TimelineCursor | null {
  try {
    const parsed = shape.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? { at: parsed.data[0], source: parsed.data[1], key: parsed.data[2] } : null;
  } catch {
    return null;
  }
}

/**
 * The timeline is ordered newest first by (at, source, key). After `cursor`, a source lists its
 * entries older than the cursor's time and, at that very time, all of them when its name sorts
 * below the cursor's source, none when above, and those with a smaller key when it is that source.
 */
export function boundFor(source: string, cursor: TimelineCursor | undefined): Keyset | undefined {
  if (!cursor) return undefined;
  if (source === cursor.source) return { at: cursor.at, sameAt: { below: cursor.key } };
  return { at: cursor.at, sameAt: source < cursor.source ? 'all' : 'none' };
}

/** Newest first by (at, source, key), the order every source's own list agrees with. */
export function newestFirst(a: TimelineCursor, b: TimelineCursor): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  if (a.source !== b.source) return a.source < b.source ? 1 : -1;
  return a.key < b.key ? 1 : a.key > b.key ? -1 : 0;
}
