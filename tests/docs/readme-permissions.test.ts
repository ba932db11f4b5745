import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { permissionsTable } from '../../scripts/permissions-table';

it('the README shows the permission matrix exactly as config/permissions.ts defines it', () => {
  const readme = readFileSync('README.md', 'utf8');
  expect(readme).toContain(permissionsTable());
});
