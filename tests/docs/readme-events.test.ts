import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { eventsTable } from '../../scripts/events-table';

it('the README shows the event table exactly as config/events.ts defines it', () => {
  const readme = readFileSync('README.md', 'utf8');
  expect(readme).toContain(eventsTable());
});
