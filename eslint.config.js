import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'test-results', 'playwright-report', 'storybook-static', 'bench/results.json', '.stryker-tmp', 'reports'] },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: {
      ecmaVersion: 2023,
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render server data as text.' },
      ],
    },
  },
  // Layering (docs/architecture.md): imports point down protocol → core → channel/api → client →
  // hooks → components → embed; dev pages, desktop and stories sit on top; the mock GWS sits beside
  // and shares only the protocol. Shipped code never imports the mock, vitest or test support.
  ...layerRules(),
);

function restrict(files, forbiddenLayers, packages, extra = {}) {
  const layers = forbiddenLayers.join('|');
  return {
    files,
    ignores: ['**/*.test.ts', '**/*.test.tsx', '**/*.stories.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...(layers
              ? [{ regex: `^(\\.\\./)+(${layers})(/|$)`, message: 'This import points up or across the layers (docs/architecture.md).' }]
              : []),
            { regex: '(^|/)(test-support|mock-gws)(/|$)|^vitest', message: 'Shipped code never imports the mock GWS, vitest or test support.' },
            ...(packages.length ? [{ group: packages, message: 'This layer stays free of React (and of TanStack\'s React package).' }] : []),
          ],
          ...extra,
        },
      ],
    },
  };
}

function layerRules() {
  const react = ['react', 'react-dom', 'react/*', 'react-dom/*', '@tanstack/react-query'];
  const above = (...names) => names;
  return [
    restrict(['src/protocol/**'], above('core', 'channel', 'api', 'client', 'replay', 'hooks', 'components', 'embed', 'dev', 'desktop'), [...react, '@tanstack/*']),
    restrict(['src/core/**'], above('channel', 'api', 'client', 'replay', 'hooks', 'components', 'embed', 'dev', 'desktop'), [...react, '@tanstack/*']),
    restrict(['src/channel/**'], above('api', 'client', 'replay', 'hooks', 'components', 'embed', 'dev', 'desktop'), [...react, '@tanstack/*']),
    restrict(['src/api/**'], above('channel', 'client', 'replay', 'hooks', 'components', 'embed', 'dev', 'desktop'), react),
    restrict(['src/replay/**'], above('client', 'hooks', 'components', 'embed', 'dev', 'desktop'), [...react, '@tanstack/*']),
    restrict(['src/client/**'], above('hooks', 'components', 'embed', 'dev', 'desktop'), react),
    restrict(['src/testing/**'], above('hooks', 'components', 'embed', 'dev', 'desktop'), react),
    restrict(['src/hooks/**'], above('components', 'embed', 'dev', 'desktop'), []),
    restrict(['src/components/**'], above('embed', 'dev', 'desktop'), []),
    restrict(['src/embed/**', 'src/index.ts'], above('dev', 'desktop'), []),
    {
      // The mock GWS shares the protocol with the widget and nothing else.
      files: ['src/mock-gws/**'],
      ignores: ['**/*.test.ts'],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              {
                regex: '^(\\.\\./)+(core|channel|api|client|replay|hooks|components|embed|dev|desktop|testing)(/|$)',
                message: 'The mock GWS imports src/protocol only, so it cannot drift from what the widget parses.',
              },
              { regex: '^react', message: 'The mock GWS is a Node server.' },
            ],
          },
        ],
      },
    },
  ];
}
