// `npm run permissions:doc`: rewrites the README's permission table from config/permissions.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { withPermissionsTable } from './permissions-table';

writeFileSync('README.md', withPermissionsTable(readFileSync('README.md', 'utf8')));
console.info('README.md: permission table updated.');
