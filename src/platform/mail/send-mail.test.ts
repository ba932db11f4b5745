import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { resetConfigForTests } from '@/platform/config';
import { startSmtpSink, type SmtpSink } from '../../../tests/support/smtp-sink';
import { sendMail } from './send-mail';
import { changeEmailMail, resetPasswordMail, verifyEmailMail } from './templates';

const savedEnv = { SMTP_URL: process.env.SMTP_URL, DATA_DIR: process.env.DATA_DIR };

function setEnv(values: { SMTP_URL?: string; DATA_DIR?: string }): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetConfigForTests();
}

describe('sendMail over SMTP', () => {
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = await startSmtpSink();
    setEnv({ SMTP_URL: sink.url });
  });

  afterAll(async () => {
    await sink.close();
    setEnv(savedEnv);
  });

  it('delivers subject, text and html to the SMTP server', async () => {
    await sendMail({
      to: 'alice@example.test',
      subject: 'Hello over SMTP',
      text: 'Plain body for Alice',
      html: '<p>HTML body for Alice</p>',
    });

    const mail = await sink.waitForMail((m) => m.to.includes('alice@example.test'));
    expect(mail.subject).toBe('Hello over SMTP');
    expect(mail.text).toContain('Plain body for Alice');
    expect(mail.html).toContain('<p>HTML body for Alice</p>');
  });

  it('delivers a template whose action link is in both the html and the text part', async () => {
    const url = 'http://localhost:3000/verify?token=abc&next=%2Fhome';
    await sendMail({ to: 'bob@example.test', ...verifyEmailMail({ name: 'Bob', url }) });

    const mail = await sink.waitForMail((m) => m.to.includes('bob@example.test'));
    expect(mail.subject).toBe('Verify your email address');
    expect(sink.linkIn(mail, '/verify')).toBe(url);
    expect(mail.html).toContain('href="http://localhost:3000/verify?token=abc&amp;next=%2Fhome"');
  });
});

describe('mail templates', () => {
  const url = 'https://portal.example.test/action?token=t1&x=y';
  const cases = {
    verifyEmailMail: verifyEmailMail({ name: 'Ada', url }),
    resetPasswordMail: resetPasswordMail({ name: 'Ada', url }),
    changeEmailMail: changeEmailMail({ name: 'Ada', newEmail: 'ada@new.example.test', url }),
  };

  it.each(Object.entries(cases))('%s puts the action link in the html and the text part', (_name, mail) => {
    expect(mail.subject).not.toBe('');
    expect(mail.html).toContain(`href="${url.replace('&', '&amp;')}"`);
    expect(mail.text).toMatch(new RegExp(`: ${url.replace(/[.?]/g, '\\$&')}$`, 'm'));
  });

  it('changeEmailMail names the new address', () => {
    expect(cases.changeEmailMail.text).toContain('ada@new.example.test');
    expect(cases.changeEmailMail.html).toContain('ada@new.example.test');
  });

  it('escapes a <script> in an interpolated name in the html part', () => {
    const mail = verifyEmailMail({ name: '<script>alert("x")</script>', url });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(mail.text).toContain('<script>alert("x")</script>');
  });

  it('refuses a non-http action URL', () => {
    expect(() => verifyEmailMail({ name: 'Ada', url: 'javascript:alert(1)' })).toThrow(/http/);
  });
});

describe('sendMail without SMTP_URL', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'deflect-mail-'));
    setEnv({ SMTP_URL: undefined, DATA_DIR: dataDir });
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  afterAll(async () => {
    setEnv(savedEnv);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('writes an .eml file under DATA_DIR/mail and logs only the file and the links', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const link = 'http://localhost:3000/reset?token=xyz';

    await sendMail({
      to: 'carol@example.test',
      subject: 'Reset for Carol',
      text: `Secret body sentence.\n\nReset password: ${link}`,
      html: `<p>Secret body sentence.</p><a href="${link}">Reset</a>`,
    });

    const files = await readdir(path.join(dataDir, 'mail'));
    expect(files).toHaveLength(1);
    const file = files[0]!;
    expect(file).toMatch(/^\d{4}-\d{2}-\d{2}T[\d-]+Z-carol@example\.test-[0-9a-f]+\.eml$/);
    const eml = await readFile(path.join(dataDir, 'mail', file), 'utf8');
    expect(eml).toContain('Subject: Reset for Carol');
    expect(eml).toContain('To: carol@example.test');

    expect(info).toHaveBeenCalledTimes(1);
    const logged = String(info.mock.calls[0]?.[0]);
    expect(logged).toContain(file);
    expect(logged).toContain(link);
    expect(logged).not.toContain('Secret body sentence');
  });
});
