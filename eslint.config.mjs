// ESLint with type information for every TypeScript file, and Prettier for layout.
import js from '@eslint/js';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import tseslint from 'typescript-eslint';

/**
 * The layers of the pure core (server/src/core), bottom up, and what each may import: the layers
 * it names and everything beneath them. The README's code map and architecture section describe
 * them. `l10n.ts` and `settings.ts` are files at the core's root: l10n sits under everything,
 * settings above schema.
 */
const coreLayers = {};
function layer(name, ...imports) {
  coreLayers[name] = [...new Set(imports.flatMap((below) => [below, ...coreLayers[below]]))];
}
layer('text');
layer('k8s');
layer('l10n.ts');
layer('findings', 'text');
layer('yaml', 'text', 'l10n.ts');
layer('cron', 'text', 'l10n.ts');
layer('workload', 'yaml', 'k8s');
layer('schema', 'findings', 'workload');
layer('settings.ts', 'schema');
layer('rules', 'settings.ts', 'cron');
layer('explain', 'workload', 'cron');
layer('analysis', 'rules');
layer('fixes', 'findings', 'yaml');
layer('preview', 'analysis', 'explain');
layer('simulator', 'analysis', 'explain');
layer('editor', 'preview', 'simulator', 'fixes');

/** One `no-restricted-paths` zone for every pair of core layers where the first may not import the second. */
function coreLayerZones() {
  const zones = [];
  // The top layer may import every other one, but nothing outside the core (outerZones).
  const path = (layer) => `./server/src/core/${layer}`;
  for (const [layer, allowed] of Object.entries(coreLayers)) {
    const forbidden = Object.keys(coreLayers).filter((other) => other !== layer && !allowed.includes(other));
    if (forbidden.length === 0) continue;
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
    from: ['./server/src/lsp', './server/src/cli', './server/src/files', './server/src/protocol', './client'],
    message: 'The core is pure: it imports neither the LSP layer, the CLI, the protocol nor the client.',
  },
  {
    target: './client',
    from: ['./server/src/core', './server/src/lsp', './server/src/cli'],
    message: 'The client talks to the server only through the protocol (server/src/protocol).',
  },
  {
    target: './server/src/files',
    from: ['./server/src/lsp', './server/src/cli', './server/src/protocol', './client'],
    message: 'The file readers serve the CLI and the LSP layer and import neither.',
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
