import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

// The walls of the architecture (DESIGN.md): only main/electron/ and preload/
// may import 'electron'; shared/ is pure TypeScript — no Node, no DOM.
const electronWall = {
  paths: [{ name: 'electron', message: "Only main/electron/ and preload/ may import 'electron' (DESIGN.md)." }],
  patterns: [{ group: ['electron/*'], message: "Only main/electron/ and preload/ may import 'electron' (DESIGN.md)." }],
};
const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'));
const domGlobals = Object.keys(globals.browser).filter((name) => !(name in globals.es2021) && !(name in globals.node));

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.demo-workspace/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', electronWall],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['main/electron/**', 'preload/**', 'tests/electron/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['shared/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...electronWall.paths, ...nodeBuiltins.map((name) => ({ name, message: 'shared/ must not import Node modules.' }))],
          patterns: [
            ...electronWall.patterns,
            { group: ['node:*'], message: 'shared/ must not import Node modules.' },
            { group: ['react', 'react-dom', 'react-dom/*', '**/renderer/**', '**/main/**'], message: 'shared/ holds no DOM or host code.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...domGlobals.map((name) => ({ name, message: 'shared/ must not touch the DOM.' })), 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['renderer/**', 'tests/renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: electronWall.paths,
          patterns: [...electronWall.patterns, { group: ['node:*', '**/main/**'], message: 'The renderer knows only shared/ and its own files.' }],
        },
      ],
    },
  },
);
