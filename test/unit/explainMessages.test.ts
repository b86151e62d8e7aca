/**
 * The message catalogs of the explanations, hovers, lenses and preview: complete in both
 * languages (the compiler checks the keys; this checks the texts), with matching placeholders, and
 * no placeholder left unfilled in what users see.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { previewCommandMessages } from '../../server/src/cli/previewCommand';
import { fieldHoverMessages } from '../../server/src/core/editor/fieldHover';
import { workloadLensMessages } from '../../server/src/core/editor/workloadCodeLens';
import { backoffMessages } from '../../server/src/core/explain/explainBackoff';
import { completionsMessages } from '../../server/src/core/explain/explainCompletions';
import { cronJobExplainMessages } from '../../server/src/core/explain/explainCronJob';
import { daemonSetMessages } from '../../server/src/core/explain/explainDaemonSet';
import { formatMessages } from '../../server/src/core/explain/explainFormat';
import { jobLifecycleMessages } from '../../server/src/core/explain/explainJobLifecycle';
import { podFailurePolicyMessages } from '../../server/src/core/explain/explainPodFailurePolicy';
import { restartPolicyMessages } from '../../server/src/core/explain/explainRestartPolicy';
import { fieldDefaultMessages } from '../../server/src/core/explain/fieldDefaults';
import type { Catalog } from '../../server/src/core/l10n';
import { previewMessages } from '../../server/src/core/preview/previewObjects';
import { computeCodeLenses, computeHover } from '../../server/src/core/editor/editorFeatures';
import { fieldHover } from '../../server/src/core/editor/fieldHover';
import { workloadCodeLens } from '../../server/src/core/editor/workloadCodeLens';
import { previewCreatedObjects } from '../../server/src/core/preview/previewObjects';
import { editorContext, seed } from './explainTestSupport';

const catalogs: Record<string, Catalog<string>> = {
  previewCommandMessages,
  fieldHoverMessages,
  workloadLensMessages,
  backoffMessages,
  completionsMessages,
  cronJobExplainMessages,
  daemonSetMessages,
  formatMessages,
  jobLifecycleMessages,
  podFailurePolicyMessages,
  restartPolicyMessages,
  fieldDefaultMessages,
  previewMessages,
};

/** English plural endings ("retry" / "retries") that Chinese has no use for. */
const englishOnly = new Set(['s', 'ss', 'fs', 'suffix']);

test('every message has both languages and the same placeholders', () => {
  const placeholders = (text: string): string[] =>
    [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
  for (const [name, catalog] of Object.entries(catalogs)) {
    assert.deepEqual(Object.keys(catalog['zh-CN']).sort(), Object.keys(catalog.en).sort(), name);
    for (const [key, en] of Object.entries(catalog.en)) {
      const zh = catalog['zh-CN'][key] ?? '';
      assert.ok(en.trim() !== '' && zh.trim() !== '', `${name}.${key} is empty`);
      const enNames = new Set(placeholders(en));
      const zhNames = new Set(placeholders(zh));
      const missing = [...enNames].filter(
        (placeholder) => !zhNames.has(placeholder) && !englishOnly.has(placeholder),
      );
      const extra = [...zhNames].filter((placeholder) => !enNames.has(placeholder));
      assert.deepEqual(
        [missing, extra],
        [[], []],
        `${name}.${key}: placeholders missing from / extra in Chinese`,
      );
    }
  }
});

test('no placeholder is left unfilled in any hover, lens or preview of the seed manifests', () => {
  const folder = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'seed-manifests');
  const files = readdirSync(folder).filter((file) => file.endsWith('.yaml'));
  for (const locale of ['en', 'zh-CN'] as const) {
    for (const file of files) {
      const text = seed(file);
      const context = editorContext(text, locale);
      // Every word start: keys and values alike.
      for (const match of text.matchAll(/[A-Za-z0-9]+/g)) {
        const hover = computeHover(context, match.index, [fieldHover]);
        if (hover)
          assert.doesNotMatch(
            hover.markdown,
            /(?<!\$)\{[a-zA-Z]+\}/,
            `${file} at ${match.index} (${locale})`,
          );
      }
      for (const lens of computeCodeLenses(context, [workloadCodeLens]))
        assert.doesNotMatch(lens.title, /(?<!\$)\{[a-zA-Z]+\}/, `${file} lens (${locale})`);
      for (const document of context.analysis.yaml.documents) {
        const preview = previewCreatedObjects(context.analysis, document.index, context.now, locale);
        assert.doesNotMatch(preview, /(?<!\$)\{[a-zA-Z]+\}/, `${file} preview (${locale})`);
      }
    }
  }
});
