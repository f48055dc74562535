import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The layers (docs/architecture.md): src/core is pure; src/aws is the only importer of the AWS SDK; src/vscode and
// src/extension.ts the only importers of vscode; the CLI (src/cli.ts, src/cli/) and the editor are two front ends
// over core + aws that never import each other. A relative import is matched by the layer folder it names, at any
// depth (so no folder inside a layer may be called aws, vscode or cli).
const layer = (name) => ({ regex: `^\\.{1,2}/(.*/)?${name}(/|$)` });
const vscodeApi = { regex: '^vscode$', message: 'only src/vscode and src/extension.ts may import vscode (docs/architecture.md, layers)' };
const awsSdk = { group: ['@aws-sdk/*', '@smithy/*'], message: 'only src/aws may import the AWS SDK (docs/architecture.md, layers)' };
const upward = (from, names) =>
  names.map((name) => ({ ...layer(name), message: `${from} must not import src/${name} (docs/architecture.md, layers)` }));

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', '*.vsix'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [vscodeApi, awsSdk, ...upward('src/core', ['aws', 'vscode', 'cli'])] }],
    },
  },
  {
    files: ['src/aws/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [vscodeApi, ...upward('src/aws', ['vscode', 'cli'])] }],
    },
  },
  {
    files: ['src/cli.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [vscodeApi, awsSdk, ...upward('the CLI', ['vscode'])] }],
    },
  },
  {
    files: ['src/vscode/**/*.ts', 'src/extension.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [awsSdk, ...upward('the editor', ['cli'])] }],
    },
  },
);
