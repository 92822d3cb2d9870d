// Root ESLint flat config (STYLE.md 11): type-aware typescript-eslint, import boundaries.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.output/**',
      '**/.wxt/**',
      'extension-vscode/out/**',
      '**/*.d.ts',
      'catalogue/**',
      'examples/**',
      'tools/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: [
          './tsconfig.tools.json',
          './shared/tsconfig.test.json',
          './language-server/tsconfig.test.json',
          './extension-vscode/tsconfig.json',
          './extension-browser/tsconfig.json',
          './test/tsconfig.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
  },
  {
    // The engine runs in the browser and in the server: no editor, no Node, no DOM outside adapters.
    files: ['shared/src/**/*.ts'],
    ignores: ['shared/src/node/**', 'shared/src/**/*.test.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': [
        'error',
        { patterns: ['vscode*', 'node:*', '@wheelhouse/language-server*', '@wheelhouse/extension-*'] },
      ],
    },
  },
  {
    files: ['language-server/src/**/*.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': ['error', { patterns: ['vscode', 'vscode-languageclient*', '@wheelhouse/extension-*'] }],
    },
  },
);
