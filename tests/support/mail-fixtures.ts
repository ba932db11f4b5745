import { afterAll, beforeAll } from 'vitest';
import { resetConfigForTests } from '@/platform/config';
import { startSmtpSink, type SmtpSink } from './smtp-sink';

/** An SMTP sink for the test file, with the portal's mail pointed at it (SMTP_URL). */
export function useSmtpSink(): { readonly sink: SmtpSink } {
  let sink: SmtpSink | undefined;
  beforeAll(async () => {
    sink = await startSmtpSink();
    process.env.SMTP_URL = sink.url;
    resetConfigForTests();
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    resetConfigForTests();
    await sink?.close();
  });
  return {
    get sink() {
      if (!sink) throw new Error('useSmtpSink(): the sink starts in beforeAll');
      return sink;
    },
  };
}
