import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Module boundaries (docs/ARCHITECTURE.md). A module's repo.ts is private to it: others use what the
// module exports elsewhere (service.ts, or a small public file such as brands/lookup.ts). The trust
// kernel imports no feature: only the platform, the audit trail's public file and the principal.
const FOREIGN_REPO = {
  group: ['../*/repo.ts', '../../*/repo.ts', '../*/*-repo.ts'],
  message: "A module's repo.ts is private to it: use what that module exports (its service.ts or public lookup file).",
};
const FEATURES = ['access', 'app', 'brands', 'cbam', 'certificates', 'cli', 'imports', 'market', 'metals', 'pledges', 'sustainability', 'warehouse', 'web', 'disclosures'];
// The permission table, the principal and the throttle's keys are the door every route passes
// (platform/http.ts, platform/protections.ts).
const KERNEL_ALLOWED = ['../access/principal.ts', '../access/permissions.ts', '../access/throttle.ts'];

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
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [FOREIGN_REPO] }] },
  },
  {
    files: ['src/trust/**/*.ts', 'src/platform/**/*.ts', 'src/trail/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            FOREIGN_REPO,
            {
              group: [...FEATURES.map((f) => `../${f}/*`), ...KERNEL_ALLOWED.map((a) => `!${a}`)],
              message: 'The trust kernel, the platform and the audit trail import no feature module: features register with the kernel instead (trust/registry.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', TextDecoder: 'readonly', Buffer: 'readonly' } },
  },
);
