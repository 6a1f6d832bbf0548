// ESLint (flat config): correctness rules, type-aware where they pay, and the layering walls of design.md.
// `npm run lint` runs it (and Prettier's check); `npm test` runs lint first.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import architecture from './scripts/lint/architecture.mjs';

export default tseslint.config(
  {
    ignores: ['node_modules/', 'out/', 'dist/', '.venv/', '.testbed/', 'test-artifacts/', 'test/fixtures/', 'python/', 'data/', 'media/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A promise nobody awaits loses its error; a promise where a callback's result is ignored does too.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, properties: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // Product code: no console (one LogOutputChannel behind the logger), the walls.
    files: ['src/**/*.ts'],
    plugins: { architecture },
    rules: {
      'no-console': 'error',
      // Product code only: tests and scripts probe values the types call impossible on purpose.
      '@typescript-eslint/no-unnecessary-condition': ['error', { allowConstantLoopConditions: true }],
      'architecture/walls': 'error',
      'architecture/no-folder-cycles': 'error',
    },
  },
  {
    files: ['**/*.mjs', 'scripts/**/*.ts', 'test/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['test/**/*.ts'],
    languageOptions: { globals: { ...globals.mocha } },
    rules: {
      // Tests reach into objects they built themselves; a non-null assertion there says "this test set it up".
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['test/vscode-runner/**/*.js', 'test/python-extension-standin/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
