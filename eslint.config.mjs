// ESLint with type information for every TypeScript file, and Prettier for layout.
import js from '@eslint/js';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import tseslint from 'typescript-eslint';

/**
 * The layers of the pure core (server/src/core), and what each may import. A layer imports only
 * the layers listed for it; the README's architecture section describes them. `l10n.ts` and
 * `settings.ts` are files at the core's root: l10n sits under everything, settings above schema.
 */
const coreLayers = {
  text: [],
  k8s: [],
  'l10n.ts': [],
  findings: ['text'],
  yaml: ['text', 'l10n.ts'],
  cron: ['text', 'l10n.ts'],
  workload: ['yaml', 'k8s', 'text', 'l10n.ts'],
  schema: ['findings', 'workload', 'yaml', 'k8s', 'text', 'l10n.ts'],
  'settings.ts': ['schema', 'l10n.ts'],
  rules: ['settings.ts', 'schema', 'findings', 'workload', 'cron', 'yaml', 'k8s', 'text', 'l10n.ts'],
  explain: ['workload', 'cron', 'yaml', 'k8s', 'text', 'l10n.ts'],
  analysis: [
    'rules',
    'settings.ts',
    'schema',
    'findings',
    'workload',
    'cron',
    'yaml',
    'k8s',
    'text',
    'l10n.ts',
  ],
  fixes: ['findings', 'yaml', 'text', 'l10n.ts'],
  preview: [
    'analysis',
    'explain',
    'settings.ts',
    'schema',
    'findings',
    'workload',
    'yaml',
    'k8s',
    'text',
    'l10n.ts',
  ],
  simulator: [
    'analysis',
    'explain',
    'settings.ts',
    'schema',
    'findings',
    'workload',
    'cron',
    'yaml',
    'k8s',
    'text',
    'l10n.ts',
  ],
  editor: [
    'analysis',
    'explain',
    'preview',
    'simulator',
    'rules',
    'settings.ts',
    'schema',
    'findings',
    'workload',
    'cron',
    'yaml',
    'k8s',
    'text',
    'l10n.ts',
  ],
};

/** One `no-restricted-paths` zone for every pair of core layers where the first may not import the second. */
function coreLayerZones() {
  const zones = [];
  const path = (layer) => `./server/src/core/${layer}`;
  for (const [layer, allowed] of Object.entries(coreLayers)) {
    const forbidden = Object.keys(coreLayers).filter((other) => other !== layer && !allowed.includes(other));
    zones.push({
      target: path(layer),
      from: forbidden.map(path),
      message: `The core layer '${layer}' may import only: ${allowed.join(', ') || 'nothing of the core'} (eslint.config.mjs, coreLayers).`,
    });
  }
  return zones;
}

/** Zones outside the core: who may import the server's parts at all. */
const outerZones = [
  {
    target: './server/src/core',
    from: ['./server/src/lsp', './server/src/cli', './server/src/protocol', './client'],
    message: 'The core is pure: it imports neither the LSP layer, the CLI, the protocol nor the client.',
  },
  {
    target: './client',
    from: ['./server/src/core', './server/src/lsp', './server/src/cli'],
    message: 'The client talks to the server only through the protocol (server/src/protocol).',
  },
  {
    target: './server/src/protocol',
    from: ['./server/src/lsp', './server/src/cli', './client'],
    message: 'The protocol is declared once and imports no side of it.',
  },
  {
    target: './server/src/lsp',
    from: ['./server/src/cli', './client'],
    message: 'The LSP layer imports the core and the protocol, never the CLI or the client.',
  },
  {
    target: './server/src/cli',
    from: ['./server/src/lsp', './client'],
    message: 'The CLI imports the core, never the LSP layer or the client.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'out/**',
      'scratch/**',
      '.vscode-test/**',
      'bench/tmp/**',
      '**/*.d.ts',
    ],
  },
  {
    files: ['**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
  },
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // node:test's `test()` returns a promise the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', name: ['test', 'it', 'describe', 'suite'], package: 'node:test' },
          ],
        },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    // Layering: no import cycles anywhere, and each part imports only what its layer allows.
    files: ['server/**/*.ts', 'client/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
      // Without these the rule cannot read the TypeScript modules it follows, and sees no cycle.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts', '.js', '.mjs'],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: [...coreLayerZones(), ...outerZones] }],
    },
  },
  {
    // The core's invariant 1 and 2: pure, no editor library, no Node API.
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['vscode', 'vscode-*'],
              message: 'Only the LSP layer and the client import the editor libraries.',
            },
            { regex: '^node:', message: 'The core uses no Node API: it also runs in a browser worker.' },
          ],
        },
      ],
    },
  },
  {
    files: ['client/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['vscode', 'vscode-*'],
              message: 'The webview renders what it is sent; it imports no editor library.',
            },
          ],
        },
      ],
    },
  },
);
