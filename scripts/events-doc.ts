// `npm run events:doc`: rewrites the README's event table from config/events.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { withEventsTable } from './events-table';

writeFileSync('README.md', withEventsTable(readFileSync('README.md', 'utf8')));
console.info('README.md: event table updated.');
