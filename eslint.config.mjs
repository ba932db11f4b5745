import tseslint from 'typescript-eslint';

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
    files: ['src/app/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@/modules/*/schema', '**/schema'], message: 'app/ reads through a module, never a schema.' }] }] },
  },
  {
    files: ['src/modules/*/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.\\./(?!\\.\\.)[^/]+/(?!service$)', message: "Another module is reached only through its service.ts." }] },
      ],
    },
  },
);
