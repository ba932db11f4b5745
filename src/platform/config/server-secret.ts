import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { getConfig } from './index';

const slot = Symbol.for('deflect.serverSecret');
const holder = globalThis as unknown as Record<symbol, string | undefined>;

/**
 * PORTAL_SERVER_SECRET, or, when unset, one generated once into the data directory so that it
 * survives restarts (the start script prints it).
 */
export function getServerSecret(): string {
  const configured = getConfig().PORTAL_SERVER_SECRET;
  if (configured) return configured;
  const cached = holder[slot];
  if (cached) return cached;
  const file = path.resolve(getConfig().DATA_DIR, 'server-secret');
  let secret: string;
  try {
    secret = fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, `dfl_srv_${randomBytes(24).toString('base64url')}`, { mode: 0o600, flag: 'wx' });
    } catch {
      // another process wrote it first; theirs wins
    }
    secret = fs.readFileSync(file, 'utf8').trim();
  }
  holder[slot] = secret;
  return secret;
}
