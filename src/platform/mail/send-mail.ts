import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { getConfig } from '@/platform/config';

export type OutgoingMail = { to: string; subject: string; html: string; text: string };

let smtp: { url: string; transporter: Transporter } | undefined;
let fileTransporter: Transporter | undefined;

function smtpTransporter(url: string): Transporter {
  if (smtp?.url !== url) {
    smtp?.transporter.close();
    smtp = { url, transporter: nodemailer.createTransport(url) };
  }
  return smtp.transporter;
}

/** Delivers over SMTP_URL when configured; otherwise drops an .eml file into <DATA_DIR>/mail for local development. */
export async function sendMail({ to, subject, html, text }: OutgoingMail): Promise<void> {
  const { SMTP_URL, MAIL_FROM, DATA_DIR } = getConfig();
  const message = { from: MAIL_FROM, to, subject, html, text };

  if (SMTP_URL) {
    await smtpTransporter(SMTP_URL).sendMail(message);
    return;
  }

  fileTransporter ??= nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const info = (await fileTransporter.sendMail(message)) as { message: Buffer };

  const dir = path.resolve(DATA_DIR, 'mail');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, mailFileName(to));
  await writeFile(file, info.message);

  // Only the file and the links: the developer needs the verification link, nothing else of the body belongs in logs.
  const links = extractLinks(text);
  console.info(`[mail] ${file}${links.length ? ` links: ${links.join(' ')}` : ''}`);
}

function mailFileName(to: string): string {
  // Colons and dots in the ISO timestamp are not valid on every file system.
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const recipient = to.replace(/[^a-zA-Z0-9@._+-]+/g, '_').slice(0, 64) || 'unknown';
  return `${stamp}-${recipient}-${randomBytes(4).toString('hex')}.eml`;
}

function extractLinks(text: string): string[] {
  return text.match(/https?:\/\/[^\s<>"'`]+/g)?.map((link) => link.replace(/[).,;:!?\]]+$/, '')) ?? [];
}
