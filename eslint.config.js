// `npm run lint` (with knip): the rules that catch real bugs, type-aware. Style is the
// formatter's job (prettier, `npm run format`), not lint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const CORE_IMPORTS = [
  { regex: '^node:', message: 'utils/ runs in browsers: Node-only code goes to cli/.' },
  { regex: '^(preact|@preact/)', message: 'utils/ is below the UI: no Preact.' },
  { regex: '^(read|write)-excel-file/(node|browser)$', message: 'Only the universal entry of the Excel libraries works in both browsers and Node.' },
];

export default tseslint.config(
  { ignores: ['.output/**', 'dist/**', '.wxt/**', 'node_modules/**', 'public/**', 'test-results/**', 'playwright-report/**', 'types/**'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.base],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A promise nobody awaits loses its error (an unsaved record, a failed write).
      '@typescript-eslint/no-floating-promises': 'error',
      // An async function where a void callback is expected (onClick, forEach) swallows its rejection.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/require-await': 'off',
      // A new status or kind must be handled wherever the old ones are.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-base-to-string': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true, allowNullish: true }],
      '@typescript-eslint/no-for-in-array': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      'no-fallthrough': 'error',
      'no-self-compare': 'error',
      'no-unreachable': 'error',
      'no-constant-binary-expression': 'error',
      'no-dupe-keys': 'error',
      'no-duplicate-case': 'error',
      'no-unsafe-finally': 'error',
      'no-cond-assign': ['error', 'except-parens'],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // The isomorphic core: runs in browsers and in Node, below the UI and the database.
    // (Node's globals are already a compile error there: tsconfig.browser.json.)
    files: ['utils/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: CORE_IMPORTS }] },
  },
  {
    // utils/db uses utils/backup, not the other way round.
    files: ['utils/backup/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...CORE_IMPORTS, { regex: '^(dexie|\\.\\./db)$', message: 'The backup format stays below the database.' }] },
      ],
    },
  },
);
