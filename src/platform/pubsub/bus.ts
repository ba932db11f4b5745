import { EventEmitter } from 'node:events';
import Redis from 'ioredis';
import pg from 'pg';
import { getConfig } from '../config';
import { getDatabase } from '../db/client';

/**
 * Messages between the app instances, for caches that must drop an entry everywhere at once:
 * Redis pub/sub when REDIS_URL is set, else PostgreSQL LISTEN/NOTIFY on a real server, else (PGlite:
 * one process only) within this process.
 */
export type Subscriber = {
  onMessage(message: string): void;
  /** The connection dropped: messages may have been missed, so anything cached may be stale. */
  onReset(): void;
};

export type Bus = {
  publish(channel: string, message: string): Promise<void>;
  subscribe(channel: string, subscriber: Subscriber): Promise<void>;
  close(): Promise<void>;
};

const RECONNECT_DELAY_MS = 1000;

function memoryBus(): Bus {
  const emitter = new EventEmitter();
  return {
    async publish(channel, message) {
      emitter.emit(channel, message);
    },
    async subscribe(channel, subscriber) {
      emitter.on(channel, (message: string) => subscriber.onMessage(message));
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}

function redisBus(url: string): Bus {
  const publisher = new Redis(url, { maxRetriesPerRequest: 1 });
  const listener = new Redis(url);
  const subscribers = new Map<string, Subscriber[]>();
  let connectedOnce = false;
  listener.on('message', (channel: string, message: string) => subscribers.get(channel)?.forEach((s) => s.onMessage(message)));
  listener.on('ready', () => {
    if (connectedOnce) subscribers.forEach((list) => list.forEach((s) => s.onReset()));
    connectedOnce = true;
  });
  listener.on('error', (error) => console.error('[bus] redis:', error.message));
  return {
    async publish(channel, message) {
      await publisher.publish(channel, message);
    },
    async subscribe(channel, subscriber) {
      subscribers.set(channel, [...(subscribers.get(channel) ?? []), subscriber]);
      await listener.subscribe(channel);
    },
    async close() {
      listener.disconnect();
      publisher.disconnect();
    },
  };
}

function postgresBus(url: string): Bus {
  const subscribers = new Map<string, Subscriber[]>();
  let client: Promise<pg.Client> | undefined;
  let closed = false;

  const resetAll = () => subscribers.forEach((list) => list.forEach((s) => s.onReset()));
  // After a drop, the caches are reset only once LISTEN is back: anything cached before that moment
  // could have missed a message, anything cached after it will hear the next one.
  const connect = (afterDrop = false): Promise<pg.Client> => {
    const opening = (async () => {
      const next = new pg.Client({ connectionString: url });
      next.on('notification', (n) => subscribers.get(n.channel)?.forEach((s) => s.onMessage(n.payload ?? '')));
      next.on('error', (error) => {
        console.error('[bus] postgres listener:', error.message);
        reconnect();
      });
      await next.connect();
      for (const channel of subscribers.keys()) await next.query(`listen "${channel}"`);
      if (afterDrop) resetAll();
      return next;
    })();
    opening.catch(() => setTimeout(reconnect, RECONNECT_DELAY_MS).unref());
    return opening;
  };
  const reconnect = () => {
    if (closed) return;
    resetAll();
    client = connect(true);
  };

  return {
    async publish(channel, message) {
      await (await (client ??= connect())).query('select pg_notify($1, $2)', [channel, message]);
    },
    async subscribe(channel, subscriber) {
      if (!/^[a-z_]+$/.test(channel)) throw new Error(`Bad channel name: ${channel}`);
      const fresh = !subscribers.has(channel);
      subscribers.set(channel, [...(subscribers.get(channel) ?? []), subscriber]);
      const connection = await (client ??= connect());
      if (fresh) await connection.query(`listen "${channel}"`);
    },
    async close() {
      closed = true;
      const connection = await client?.catch(() => undefined);
      await connection?.end();
    },
  };
}

const slot = Symbol.for('deflect.bus');
const holder = globalThis as unknown as Record<symbol, Promise<Bus> | undefined>;

async function openBus(): Promise<Bus> {
  const { REDIS_URL } = getConfig();
  if (REDIS_URL) return redisBus(REDIS_URL);
  const database = await getDatabase();
  return database.kind === 'postgres' && database.url ? postgresBus(database.url) : memoryBus();
}

export function getBus(): Promise<Bus> {
  return (holder[slot] ??= openBus());
}

export async function closeBus(): Promise<void> {
  const bus = holder[slot];
  holder[slot] = undefined;
  await (await bus)?.close();
}
