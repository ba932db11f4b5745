// Contact-form suggestions (issue 21): the suggestion engine (the taxonomy's screens and one full-text
// query over help articles) on 1,000 published articles, beside a plain indexed SELECT of the same
// articles (a section's page of them, by the section index), same run, on PostgreSQL and on PGlite.
//   node bench/suggestions.mjs [--database-url postgres://postgres@127.0.0.1:5432/postgres]
//                              [--articles 1000] [--queries 2000] [--warmup 200] [--no-pglite]
// A scratch database is created beside the given one (migrated as `npm start` would) and dropped at
// the end. No server: the engine runs in this process (through tsx), as the route calls it, so the
// figure is the server-side time of one suggestion including its round trip to the database.
import { parseArgs } from 'node:util';
import { register as registerCjs } from 'tsx/cjs/api';
import { register } from 'tsx/esm/api';
import { fmt, machineNote, printTable, scratchDatabase } from './lib.mjs';

const { values: args } = parseArgs({
  options: {
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    articles: { type: 'string', default: '1000' },
    queries: { type: 'string', default: '2000' },
    warmup: { type: 'string', default: '200' },
    'no-pglite': { type: 'boolean', default: false },
  },
});
const GOAL_P95_MS = 50;
const articleCount = Number(args.articles);

const watchdog = setTimeout(() => {
  console.error('suggestions: overall time limit reached');
  process.exit(3);
}, 20 * 60_000);
watchdog.unref();

registerCjs();
register();
const { openPglite, openPostgres } = await import('../src/platform/db/open.ts');
const { suggest } = await import('../src/modules/support/suggestions/queries.ts');
const { helpArticles } = await import('../src/modules/help/schema.ts');
const { supportCategories } = await import('../config/support-categories.ts');
const { sql } = await import('drizzle-orm');

const SECTIONS = {
  billing: ['card', 'payment method', 'plan', 'subscription', 'VAT number', 'billing email', 'company name', 'cancellation', 'upgrade', 'downgrade'],
  team: ['teammate', 'invitation', 'role', 'seat', 'owner', 'admin', 'member', 'ownership transfer'],
  usage: ['usage', 'meter', 'limit', 'overage', 'period', 'charge'],
  invoices: ['invoice', 'receipt', 'PDF', 'quarter', 'bank transfer', 'payment'],
  'api-keys': ['API key', 'token', 'rotation', 'revocation', 'scope', 'overlap'],
  account: ['password', 'two-factor authentication', 'email address', 'session', 'sign-in', 'authenticator app'],
};
const VERBS = ['change', 'update', 'add', 'remove', 'download', 'rotate', 'revoke', 'check', 'find', 'reset', 'understand', 'cancel'];
const SENTENCES = [
  (t, v) => `To ${v} the ${t}, open the page and choose the button beside it.`,
  (t) => `The ${t} is shown at the top of the page, with the date it last changed.`,
  (t, v) => `Only owners and admins can ${v} the ${t}; ask one of them if the button is missing.`,
  (t) => `Changes to the ${t} apply from the next billing period and appear on the next invoice.`,
  (t, v) => `If you cannot ${v} the ${t}, sign out and in again, then try once more.`,
  (t) => `Stripe keeps the ${t} for you; we never see the full card number.`,
  (t) => `Every change to the ${t} is recorded in the activity log with who made it.`,
  (t, v) => `You can ${v} the ${t} at any time; nothing is charged until you confirm.`,
];

/** A realistic short help article: a title, then a few Markdown paragraphs about its topic. */
function articleAt(i) {
  const sectionIds = Object.keys(SECTIONS);
  const section = sectionIds[i % sectionIds.length];
  const topics = SECTIONS[section];
  const topic = topics[Math.floor(i / sectionIds.length) % topics.length];
  const verb = VERBS[(i * 7) % VERBS.length];
  const other = topics[(i * 3) % topics.length];
  const body = [0, 1, 2, 3, 4]
    .map((k) => SENTENCES[(i + k * 3) % SENTENCES.length](k % 2 ? other : topic, VERBS[(i + k) % VERBS.length]))
    .join(' ');
  return {
    id: `art_${String(i).padStart(5, '0')}`,
    section,
    slug: `${verb}-${topic.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${i}`,
    locale: i % 10 === 9 ? 'de' : 'en',
    title: `How to ${verb} the ${topic}`,
    body: `## ${verb[0].toUpperCase()}${verb.slice(1)} the ${topic}\n\n${body}\n\n- Open **${section}**\n- Choose *${verb}*\n\n${SENTENCES[(i + 5) % SENTENCES.length](topic, verb)}`,
    published: true,
  };
}

/** What customers write: the taxonomy's example questions, its phrases in sentences, and half-typed text. */
function queries(count) {
  const examples = Object.values(supportCategories).flatMap((c) => c.examples);
  const phrases = Object.values(supportCategories).flatMap((c) => c.phrases);
  const pick = (list) => list[Math.floor(Math.random() * list.length)];
  const makers = [
    () => pick(examples),
    () => `Hi, we need help with the ${pick(phrases)} and the ${pick(phrases)} on our account. Thanks!`,
    () => pick(examples).slice(0, 8 + Math.floor(Math.random() * 20)),
    () => `Subject: ${pick(phrases)}\n${pick(examples)} ${pick(examples)}`,
    () => 'Something unrelated about the weather in Lisbon',
  ];
  return Array.from({ length: count }, (_, i) => makers[i % makers.length]());
}

function percentiles(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) };
}

const actor = { type: 'user', userId: 'bench', email: 'bench@example.com', organizationId: 'bench', role: 'owner' };

async function measure(handle) {
  const rows = Array.from({ length: articleCount }, (_, i) => articleAt(i));
  for (let i = 0; i < rows.length; i += 200) await handle.db.insert(helpArticles).values(rows.slice(i, i + 200));
  await handle.db.execute(sql`analyze help_articles`);
  const all = queries(Number(args.warmup) + Number(args.queries));
  const sectionIds = Object.keys(SECTIONS);
  const engineMs = [];
  const selectMs = [];
  let screens = 0;
  let articles = 0;
  for (const [i, q] of all.entries()) {
    let t0 = performance.now();
    const found = await suggest(handle.db, actor, q);
    const engineTime = performance.now() - t0;
    t0 = performance.now();
    await handle.db.execute(sql`select id, slug, title, section from help_articles where section = ${sectionIds[i % sectionIds.length]} and locale = 'en' and published order by id limit 5`);
    const selectTime = performance.now() - t0;
    if (i < Number(args.warmup)) continue;
    engineMs.push(engineTime);
    selectMs.push(selectTime);
    screens += found.screens.length;
    articles += found.articles.length;
  }
  return { engine: percentiles(engineMs), select: percentiles(selectMs), n: engineMs.length, screens: screens / engineMs.length, articles: articles / engineMs.length };
}

function report(label, r) {
  console.log(`\n${label} — ${fmt(r.n)} suggestions after ${args.warmup} warm-up, ${fmt(articleCount)} articles; on average ${fmt(r.screens, 1)} screens and ${fmt(r.articles, 1)} articles each`);
  printTable([
    ['', 'suggestion engine', 'plain indexed SELECT', 'ratio', 'goal'],
    ['p50', `${fmt(r.engine.p50, 2)} ms`, `${fmt(r.select.p50, 2)} ms`, fmt(r.engine.p50 / r.select.p50, 1), ''],
    ['p95', `${fmt(r.engine.p95, 2)} ms`, `${fmt(r.select.p95, 2)} ms`, fmt(r.engine.p95 / r.select.p95, 1), `< ${GOAL_P95_MS} ms`],
    ['p99', `${fmt(r.engine.p99, 2)} ms`, `${fmt(r.select.p99, 2)} ms`, fmt(r.engine.p99 / r.select.p99, 1), ''],
    ['max', `${fmt(r.engine.max, 2)} ms`, `${fmt(r.select.max, 2)} ms`, '', ''],
  ]);
  console.log(`Goal ${r.engine.p95 < GOAL_P95_MS ? 'met' : 'NOT met'} (suggestion p95 < ${GOAL_P95_MS} ms).`);
  return r.engine.p95 < GOAL_P95_MS;
}

console.log(machineNote());
let met = true;
const scratch = await scratchDatabase(args['database-url']);
let handle = null;
try {
  handle = await openPostgres(scratch.url, { max: 2 });
  met = report('PostgreSQL', await measure(handle)) && met;
} finally {
  await handle?.close();
  await scratch.drop().catch((e) => console.warn(`could not drop the scratch database: ${e.message}`));
}
if (!args['no-pglite']) {
  const lite = await openPglite({});
  try {
    met = report('PGlite (in memory)', await measure(lite)) && met;
  } finally {
    await lite.close();
  }
}
process.exit(met ? 0 : 1);
