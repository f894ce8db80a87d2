// ESLint (flat config): JavaScript's and typescript-eslint's recommended rules over every package.
// Types are checked by tsc (npm run typecheck); these rules catch what compiles but is wrong or dead.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  // src/generated: resolver types written by `npm run codegen` from the schemas, checked by its --check.
  { ignores: ['**/node_modules/**', '**/*.js', '.data/**', 'bench/results/**', 'coverage/**', '**/src/generated/**', 'console/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // A leading underscore names what is there on purpose and not read (a destructured field left out).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  // The console's React code: hooks called in order and effects that list what they read.
  { files: ['console/**/*.{ts,tsx}'], ...reactHooks.configs.flat.recommended },
);
