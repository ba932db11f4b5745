// Imports a generated help desk export of 100,000 realistic tickets (about 100 MB) through the inbox
// audit's real import code, on PGlite (and on PostgreSQL with --database-url), beside csv-parse alone
// reading the same file: time and peak RSS growth of each process (its RSS over its own, sampled every
// 50 ms, above what it held once ready).
//   node bench/inbox-import.mjs [--tickets 100000] [--database-url postgres://postgres@127.0.0.1:5432/postgres] [--keep-file]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fmt, machineNote, printTable, removeDir, sampleRss, scratchDatabase, tempDataDir, track, treeRssKb } from './lib.mjs';

const { values: args } = parseArgs({
  options: {
    tickets: { type: 'string', default: '100000' },
    'database-url': { type: 'string', default: process.env.DATABASE_URL },
  },
});
const TICKETS = Number(args.tickets);
const GOALS = { seconds: 60, rssMb: 200 };

const topics = [
  ['Card expired', 'Our card expired last week and the invoice failed. How do I update the credit card we pay with? I looked under settings but could not find it.'],
  ['Add a colleague', 'Hi, we hired a new analyst. How do I invite a colleague to our account and give them admin access? The invitation email never arrived.'],
  ['Invoice copy', 'Our accountant needs a copy of every invoice of last quarter as PDF. Is there a way to download them all at once instead of one by one?'],
  ['VAT number missing', 'Please add our VAT number to the billing details, and change the company name on the invoices to our new legal name.'],
  ['Charged twice?', 'We were charged twice this month and I do not understand the second charge. Could you explain what the usage line on the invoice is?'],
  ['Upgrade plan', 'We are hitting the limit of the Starter plan. How do we upgrade to Pro, and is the price prorated for the rest of the month?'],
  ['API key', 'Our integration stopped working after we rotated the API key. How do I create a new API key and revoke the old one?'],
  ['Cannot sign in', 'I cannot sign in anymore: the password reset link says it expired and two-factor codes are refused. Please help, it is urgent.'],
  ['Refund request', 'We cancelled last week but were billed for the full year. We would like a refund of the annual charge, please.'],
];
const filler = 'Thanks in advance for your help; our team relies on this every day and we would appreciate a quick answer. ';

/** One ticket of about a kilobyte: a subject, a body of a few paragraphs (some over several lines), times and tags. */
function ticketLine(i) {
  const [subject, body] = topics[i % topics.length];
  const created = Date.UTC(2026, 6, 1) + (i % 90) * 86_400_000 + (i % 86_400) * 1000;
  const closed = i % 7 === 0 ? '' : new Date(created + (1 + (i % 48)) * 3_600_000).toISOString();
  const text = `${body}\n\n${filler.repeat(6 + (i % 4))}\nRef ${i}, account "acme-${i % 997}".`;
  return `${i},${subject} (#${i}),"${text.replaceAll('"', '""')}",${new Date(created).toISOString()},${closed},"support,tier-${i % 3}"\n`;
}

function generate(file) {
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, 'id,subject,body,created_at,closed_at,tags\n');
  let chunk = '';
  for (let i = 1; i <= TICKETS; i++) {
    chunk += ticketLine(i);
    if (chunk.length > 1 << 20) {
      fs.writeSync(fd, chunk);
      chunk = '';
    }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
  return fs.statSync(file).size;
}

/** Runs the driver in its own process; RSS growth is its peak over its RSS once set up. */
function measure(label, driverArgs) {
  return new Promise((resolve, reject) => {
    const child = track(spawn(process.execPath, ['--import', 'tsx', 'bench/inbox-import-driver.ts', ...driverArgs], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], detached: true }));
    let baseline = 0;
    let sampler;
    child.on('message', (message) => {
      if (message.ready) {
        baseline = treeRssKb(child.pid) / 1024;
        sampler = sampleRss(child.pid);
        child.send('go');
      } else if (message.done) {
        const { peakMb } = sampler.stop();
        resolve({ label, ...message.done, growthMb: peakMb - baseline });
      }
    });
    child.on('exit', (code) => code !== 0 && reject(new Error(`${label}: the driver exited with ${code}`)));
  });
}

console.log(`inbox-import: ${TICKETS.toLocaleString('en')} tickets; ${machineNote()}`);
const dir = tempDataDir();
try {
  const file = path.join(dir, 'export.csv');
  const bytes = generate(file);
  console.log(`Generated ${fmt(bytes / 1024 / 1024, 1)} MB.`);
  const results = [await measure('csv-parse alone', ['parse', file]), await measure('import on PGlite', ['import', file, path.join(dir, 'pglite')])];
  if (args['database-url']) {
    const scratch = await scratchDatabase(args['database-url']);
    try {
      results.push(await measure('import on PostgreSQL', ['import', file, scratch.url]));
    } finally {
      await scratch.drop();
    }
  }
  const [alone] = results;
  printTable([
    ['', 'seconds', 'rows/s', 'peak RSS growth (MB)', 'time × csv-parse', 'RSS × csv-parse', 'imported', 'reported'],
    ...results.map((r) => [
      r.label,
      fmt(r.ms / 1000, 1),
      fmt(r.rows / (r.ms / 1000)),
      fmt(r.growthMb, 1),
      fmt(r.ms / alone.ms, 1),
      fmt(r.growthMb / Math.max(1, alone.growthMb), 1),
      r.imported === undefined ? '' : fmt(r.imported),
      r.invalid === undefined ? '' : fmt(r.invalid),
    ]),
  ]);
  for (const r of results.slice(1)) {
    const ok = r.status === 'ready' && r.ms / 1000 < GOALS.seconds && r.growthMb < GOALS.rssMb;
    console.log(`${r.label}: ${ok ? 'within' : 'OUTSIDE'} the goals (< ${GOALS.seconds} s, < ${GOALS.rssMb} MB growth)${r.failure ? `; failed: ${r.failure}` : ''}`);
  }
} finally {
  removeDir(dir);
}
