// Classifier throughput: `npx tsx bench/inbox-classify.ts [--count 100000]`. Trains the inbox audit's
// classifier (with 200 corrections, as an import does), then classifies `--count` ticket texts of about
// 1 KB made from the labeled fixture's tickets, and prints the training time and tickets per second.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { trainClassifier, type LabeledExample } from '@/modules/inbox-audit/classifier';
import { readLabeledTickets } from '@/modules/inbox-audit/classifier/labeled-file';

const { values: args } = parseArgs({ options: { count: { type: 'string', default: '100000' } } });
const count = Number(args.count);
const TEXT_BYTES = 1000;

void (async () => {
  const tickets = await readLabeledTickets('tests/fixtures/inbox-audit/labeled.csv');
  // Each text: one ticket, followed by others until about 1 KB, with a number so no two are alike.
  const texts = tickets.map((ticket, i) => {
    let text = ticket.text;
    for (let j = i + 1; text.length < TEXT_BYTES; j++) text += `\n${tickets[j % tickets.length]!.text}`;
    return text.slice(0, TEXT_BYTES);
  });
  const corrections: LabeledExample[] = Array.from({ length: 200 }, (_, i) => ({ text: texts[i % texts.length]!, category: tickets[i % tickets.length]!.category }));

  let started = performance.now();
  const classifier = trainClassifier(corrections);
  const trainMs = performance.now() - started;

  started = performance.now();
  const cpuBefore = process.cpuUsage();
  let confident = 0;
  for (let i = 0; i < count; i++) {
    if (classifier.classify(`#${i} ${texts[i % texts.length]!}`).confidence > 0.5) confident++;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(`trained on the taxonomy and ${corrections.length} corrections in ${trainMs.toFixed(0)} ms`);
  console.log(`classified ${count} tickets of ~${TEXT_BYTES} bytes in ${seconds.toFixed(2)} s: ${Math.round(count / seconds)} tickets/s (${confident} above 0.5)`);
  // On a busy machine the wall clock counts other processes' turns; the CPU time is this one's own.
  console.log(`CPU time ${cpuSeconds.toFixed(2)} s: ${Math.round(count / cpuSeconds)} tickets per CPU-second; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores`);
})();
