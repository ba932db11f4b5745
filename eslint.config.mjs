import tseslint from 'typescript-eslint';

const permissionNamesForApp = ['roles', 'staffRoles', 'Role', 'StaffRole', 'Permission', 'StaffPermission'];
const appDecidesNoPermission = 'app/ asks a query (executeQuery) or an action (executeAction); what the reader may do comes with the query’s answer.';
const oneDateFormatter = 'Format dates with src/ui/date.ts, the one date formatter.';

/** Another module is reached only through its service.ts (and, from a test, its schema), by a relative or an alias path. */
function moduleBoundaries(allowed) {
  const files = allowed.join('|');
  const message = `Another module is reached only through its ${allowed.map((f) => `${f}.ts`).join(' or ')}.`;
  return [
    { regex: `^\\.\\./(?!\\.\\.)[^/]+/(?!(${files})$)`, message },
    { regex: `^@/modules/[^/]+/(?!(${files})$)`, message },
  ];
}

export default tseslint.config(
  { ignores: ['.next/**', '.next-base-path/**', 'node_modules/**', '.data/**', 'drizzle/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['info', 'warn', 'error'] }],
    },
  },
  {
    // Benchmarks report on the console.
    files: ['bench/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // Module boundaries of DESIGN.md: platform imports no module; app imports no module's schema.
    files: ['src/platform/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@/modules/*', '**/modules/*'], message: 'platform/ imports no module.' }] }] },
  },
  {
    // app/ reads through a module's queries, whose permission executeQuery checks; what a screen may
    // offer comes with the query's answer. So app/ decides nothing by role itself: of
    // config/permissions.ts it may import the role lists and types only.
    files: ['src/app/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@config/permissions', allowImportNames: permissionNamesForApp, message: appDecidesNoPermission }],
          patterns: [
            { group: ['@/modules/*/schema', '**/schema'], message: 'app/ reads through a module, never a schema.' },
            { group: ['**/config/permissions'], allowImportNames: permissionNamesForApp, message: appDecidesNoPermission },
            { group: ['@/platform/actions/authorize', '**/actions/authorize'], message: appDecidesNoPermission },
          ],
        },
      ],
    },
  },
  {
    files: ['src/modules/*/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: moduleBoundaries(['service']) }] },
  },
  {
    // A test may read another module's tables to assert what a write left behind.
    files: ['src/modules/*/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: moduleBoundaries(['service', 'schema']) }] },
  },
  {
    // One date formatter for every screen, mail and PDF: src/ui/date.ts. (The Stripe simulator imitates
    // Stripe's own pages.)
    files: ['src/**'],
    ignores: ['src/ui/date.ts', 'src/stripe-simulator/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.object.name='Intl'][callee.property.name='DateTimeFormat']", message: oneDateFormatter },
        { selector: "CallExpression[callee.object.name='Intl'][callee.property.name='DateTimeFormat']", message: oneDateFormatter },
        { selector: "CallExpression[callee.property.name=/^toLocale(Date|Time)String$/]", message: oneDateFormatter },
      ],
    },
  },
);
