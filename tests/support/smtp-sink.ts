import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = { to: string[]; from: string; subject: string; text: string; html: string };

export type SmtpSink = {
  url: string;
  port: number;
  messages: ReceivedMail[];
  waitForMail(predicate: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  linkIn(mail: ReceivedMail, pathContains: string): string;
  clear(): void;
  close(): Promise<void>;
};

type Waiter = { predicate: (mail: ReceivedMail) => boolean; resolve: (mail: ReceivedMail) => void; reject: (error: Error) => void };

/** Starts an in-process SMTP server on 127.0.0.1 that keeps every received mail in memory. */
export async function startSmtpSink({ port = 0 }: { port?: number } = {}): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const waiters = new Set<Waiter>();

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 1000,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
          const mailFrom = session.envelope.mailFrom;
          const mail: ReceivedMail = {
            to: envelopeTo,
            from: parsed.from?.text ?? (mailFrom ? mailFrom.address : ''),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: parsed.html || '',
          };
          messages.push(mail);
          for (const waiter of waiters) {
            if (waiter.predicate(mail)) {
              waiters.delete(waiter);
              waiter.resolve(mail);
            }
          }
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = (server.server.address() as AddressInfo).port;

  return {
    url: `smtp://127.0.0.1:${actualPort}`,
    port: actualPort,
    messages,
    waitForMail(predicate, timeoutMs = 10_000) {
      const existing = messages.find(predicate);
      if (existing) return Promise.resolve(existing);
      return new Promise<ReceivedMail>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          const subjects = messages.map((m) => JSON.stringify(m.subject)).join(', ') || 'none';
          reject(new Error(`No matching mail within ${timeoutMs} ms. Received subjects: ${subjects}`));
        }, timeoutMs);
        const waiter: Waiter = {
          predicate,
          resolve: (mail) => {
            clearTimeout(timer);
            resolve(mail);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        };
        waiters.add(waiter);
      });
    },
    linkIn,
    clear() {
      messages.length = 0;
    },
    close() {
      for (const waiter of waiters) waiter.reject(new Error('SMTP sink closed while waiting for mail'));
      waiters.clear();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** First http(s) URL in the text part that contains `pathContains`. */
export function linkIn(mail: ReceivedMail, pathContains: string): string {
  const links = mail.text.match(/https?:\/\/[^\s<>"'`]+/g) ?? [];
  const link = links.find((l) => l.includes(pathContains));
  if (!link) {
    throw new Error(`No link containing "${pathContains}" in mail "${mail.subject}". Links: ${links.join(' ') || 'none'}`);
  }
  return link;
}

function argValue(name: string): number | undefined {
  const index = process.argv.indexOf(name);
  const raw = index === -1 ? undefined : process.argv[index + 1];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`${name} needs a port number, got "${raw}"`);
  return value;
}

async function main(): Promise<void> {
  const sink = await startSmtpSink({ port: argValue('--port') ?? 2525 });
  const { startSinkHttpServer } = await import('./smtp-sink-http');
  const http = await startSinkHttpServer(sink, argValue('--http') ?? 2526);
  // Playwright's global setup waits for this line before starting the app.
  console.info(`smtp-sink ready: ${sink.url} http://127.0.0.1:${http.port}`);
  const shutdown = () => {
    void Promise.all([sink.close(), http.close()]).then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
