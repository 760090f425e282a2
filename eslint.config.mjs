// ESLint for the TypeScript and the scripts; formatting is Prettier's (.prettierrc.json), run by
// `npm run lint` before the unit tests.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Prettier wraps code at this width. In src/ a long string or pattern is written over several lines
 * (`oneLine` in src/core/text/pattern.ts); only a URL may run over.
 */
const LINE_LIMIT = 140;

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.vscode-test/**',
      'test/fixtures/**',
      'examples/**',
      'docs/**',
      'media/**',
      'schemas/**',
      'patches/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'max-len': ['error', { code: LINE_LIMIT, ignoreUrls: true }],
      'no-duplicate-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  // Tests and benchmarks quote lessons and expected messages whole.
  {
    files: ['test/**', 'bench/**'],
    rules: {
      'max-len': [
        'error',
        { code: LINE_LIMIT, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true },
      ],
    },
  },
  // Functions that Playwright runs in the page.
  { files: ['test/vscode/**/*.mjs'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
);
