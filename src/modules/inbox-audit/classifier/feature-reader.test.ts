import { expect, it } from 'vitest';
import { featureReader } from './feature-reader';
import { textFeatures } from './features';
import { readLabeledTickets } from './labeled-file';

it('reads a text as the indices of exactly the learned features that textFeatures names for it', async () => {
  const tickets = await readLabeledTickets('tests/fixtures/inbox-audit/labeled.csv');
  // Learned: the features of every other ticket, so each read text has known and unknown words.
  const featureIndex = new Map<string, number>();
  for (const ticket of tickets.filter((_, i) => i % 2 === 0)) for (const feature of textFeatures(ticket.text)) if (!featureIndex.has(feature)) featureIndex.set(feature, featureIndex.size);
  const names = [...featureIndex.keys()];
  const read = featureReader(featureIndex);

  let pairs = 0;
  for (const { text } of tickets) {
    const expected = [...textFeatures(text)].filter((feature) => featureIndex.has(feature)).sort();
    const got = [...new Set(read(text).map((index) => names[index]!))].sort();
    expect(got, text).toEqual(expected);
    pairs += got.filter((feature) => feature.includes(' ')).length;
  }
  expect(pairs).toBeGreaterThan(0);
});

it('keeps two words a pair across a stop word, and parts them at an unknown word', () => {
  const read = featureReader(new Map([['chang', 0], ['card', 1], ['chang card', 2]]));
  expect(read('Change the card')).toEqual([0, 1, 2]);
  expect(read('Change blorft card')).toEqual([0, 1]);
});
