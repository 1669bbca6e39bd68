// ESLint for the web app (`npm run lint` runs it with `prettier --check`). TypeScript is parsed by
// typescript-eslint with the TypeScript 6 API (package.json's `typescript` alias: TypeScript 7, the
// type checker `npm run typecheck` uses, has no JavaScript API yet).
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // As tsc's noUnusedLocals: a leading underscore marks a deliberately unused name, and a
    // rest sibling is how a property is left out of a copy.
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [jsxA11y.flatConfigs.recommended],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      // The rules of hooks. The plugin's React Compiler rules (set-state-in-effect, purity,
      // refs…) are left out: the app is not compiled with the React Compiler.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // A table that can scroll sideways is a labelled region that the keyboard can reach, so it
      // scrolls without a mouse (axe: scrollable-region-focusable).
      'jsx-a11y/no-noninteractive-tabindex': ['error', { roles: ['region'] }],
    },
  },
  {
    files: ['e2e/**/*.ts', '*.{js,ts}', 'scripts/*.mjs'],
    languageOptions: { globals: globals.node },
  },
);
