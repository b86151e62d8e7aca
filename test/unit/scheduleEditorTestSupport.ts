import { lineAt } from '../../server/src/core/text/offsetRange';
import { analyzeDocument } from '../../server/src/core/analysis/analyzeDocument';
import type { EditorContext } from '../../server/src/core/editor/editorFeature';
import { failOnReport } from './failOnReport';
import type { Locale } from '../../server/src/core/l10n';
import { defaultSettings } from '../../server/src/core/settings';

/** A CronJob manifest with the given schedule value (as written, quotes included) and timeZone line. */
export function cronJobYaml(schedule: string, timeZone?: string, name = 'report'): string {
  return [
    'apiVersion: batch/v1',
    'kind: CronJob',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    `  schedule: ${schedule}`,
    ...(timeZone === undefined ? [] : [`  timeZone: ${timeZone}`]),
    '  jobTemplate:',
    '    spec:',
    '      template:',
    '        spec:',
    '          restartPolicy: OnFailure',
    '          containers:',
    '            - name: main',
    '              image: busybox:1.36',
    '',
  ].join('\n');
}

/** An editor context built by hand: fixed `now` (ISO-8601), locale, local zone and extra settings. */
export function editorContext(
  text: string,
  now: string,
  options: { locale?: Locale; localTimeZone?: string; settings?: Record<string, unknown> } = {},
): EditorContext {
  const locale = options.locale ?? 'en';
  const settings = { ...defaultSettings, locale, ...options.settings };
  const analysis = analyzeDocument(text, settings);
  return {
    lineAt: (offset) => lineAt(text, offset),
    analysis,
    settings,
    locale,
    kubernetesVersion: analysis.kubernetesVersion,
    now: Date.parse(now),
    localTimeZone: options.localTimeZone ?? 'UTC',
    reportError: failOnReport,
  };
}

/** Markdown with its backslash escapes removed, for assertions on the text a reader sees. */
export function plain(markdown: string): string {
  return markdown.replace(/\\([\\`*_[\]<>|~])/g, '$1');
}
