import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // web/src/api-types.ts is generated from docs/openapi.json (npm run openapi:web).
  { ignores: ['node_modules', 'dist', 'data', 'web/dist', 'coverage', 'docs', 'scratch', 'web/src/api-types.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', TextDecoder: 'readonly', Buffer: 'readonly' } },
  },
);
