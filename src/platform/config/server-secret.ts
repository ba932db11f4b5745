import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { getConfig } from './index';

type ServerSecret = { secret: string; source: 'environment' | 'file'; createdByThisProcess: boolean; file?: string };

const slot = Symbol.for('deflect.serverSecret');
const holder = globalThis as unknown as Record<symbol, ServerSecret | undefined>;

function loadOrCreate(file: string): ServerSecret {
  let createdByThisProcess = false;
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, `dfl_srv_${randomBytes(24).toString('base64url')}`, { mode: 0o600, flag: 'wx' });
      createdByThisProcess = true;
    } catch {
      // another process wrote it first; theirs wins
    }
  }
  return { secret: fs.readFileSync(file, 'utf8').trim(), source: 'file', createdByThisProcess, file };
}

/**
 * PORTAL_SERVER_SECRET, or, when unset, one generated once into the data directory so that it
 * survives restarts. The start-up banner prints it in full only in the process that generated it.
 */
export function serverSecretState(): ServerSecret {
  const configured = getConfig().PORTAL_SERVER_SECRET;
  if (configured) return { secret: configured, source: 'environment', createdByThisProcess: false };
  return (holder[slot] ??= loadOrCreate(path.resolve(getConfig().DATA_DIR, 'server-secret')));
}

export function getServerSecret(): string {
  return serverSecretState().secret;
}
