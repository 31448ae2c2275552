// Lint rules, including the layer boundaries: shared/ is pure (no Electron, Node, DOM libraries or
// React), renderer/ never reaches into electron/, and only electron/ imports Electron.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'url', 'module'];

export default tseslint.config(
  { ignores: ['dist/', 'release/', 'node_modules/', 'tests/output/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'shared/ runs everywhere: no Electron.' },
            { group: nodeBuiltins, message: 'shared/ runs everywhere: no Node built-ins (do I/O in electron/).' },
            { group: ['react', 'react-dom', 'react-dom/*', 'prosemirror-view', 'lowdb', 'lowdb/*'], message: 'shared/ is pure domain code.' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ depends on nothing else in the app.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*', ...nodeBuiltins, 'lowdb', 'lowdb/*'], message: 'The renderer reaches the node side only through the contract (renderer/src/api.ts).' },
            { group: ['**/electron/**'], message: 'The renderer reaches the node side only through the contract.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts', 'scripts/**/*.{js,mjs}', 'tests/**/*.ts', '*.{js,ts}', 'renderer/vite.config.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    // electron-builder's hooks and the fuse settings: CommonJS, loaded by electron-builder with require().
    files: ['build/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron'], message: 'Only main.ts and preload.ts import Electron; services must run without it.' }] }],
    },
  },
);
