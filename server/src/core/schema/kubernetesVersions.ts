import type { CodeDocs } from '../findings/codeDoc';
import { formatMessage } from '../l10n';
import type { Locale } from '../l10n';
import type { RuleReport } from '../findings/finding';
import type { OffsetRange } from '../text/offsetRange';
import { findNodeAt } from '../yaml/yamlModel';
import type { YamlDocumentModel } from '../yaml/yamlModel';
import { schemaVersions } from './data/schemaData';
import { schemaMessages } from './schemaMessages';

/** A Kubernetes minor version Podline has schema data for, e.g. `1.34`. */
export type KubernetesVersion = (typeof schemaVersions)[number];

/**
 * The supported Kubernetes versions, newest first, every minor from 1.37 down to 1.29: the ones
 * whose API some npm package carries (scripts/generateSchemas.mjs).
 */
export const supportedKubernetesVersions: readonly KubernetesVersion[] = schemaVersions;

/** The newest supported version: the default target. */
export const newestKubernetesVersion: KubernetesVersion = schemaVersions[0];

/** True when `text` is exactly a supported `major.minor` version. */
export function isSupportedKubernetesVersion(text: string): text is KubernetesVersion {
  return (schemaVersions as readonly string[]).includes(text);
}

/**
 * Reduces `1.29`, `v1.29`, `1.29.3` or `v1.29.3` to `1.29`; undefined for anything else. A
 * leading zero in the minor (`1.029`) is not a version.
 */
export function normalizeKubernetesVersion(text: string): string | undefined {
  const match = /^v?(\d+)\.(0|[1-9]\d*)(?:\.\d+)?$/.exec(text.trim());
  return match ? `${match[1]}.${match[2]}` : undefined;
}

/** A per-file `# podline: kubernetes=1.29` comment. */
export interface VersionOverride {
  /** The version as written, reduced to `major.minor`. */
  readonly written: string;
  /** The supported version it names, or undefined when Podline has no data for it. */
  readonly version: KubernetesVersion | undefined;
  /** The range of the version text inside the comment. */
  readonly range: OffsetRange;
}

/**
 * The override comment: a YAML comment whose whole text is `podline: kubernetes=<version>`
 * (spaces allowed around `:` and `=`, the version as `1.29`, `v1.29` or `1.29.3`), on its own
 * line or after a value, anywhere in the file. The first one wins. It applies to every document
 * of the file.
 */
const overridePattern = /(^|[ \t])#[ \t]*podline[ \t]*:[ \t]*kubernetes[ \t]*=[ \t]*(\S+?)[ \t]*$/gm;

/**
 * False when the text cannot have a `# podline: kubernetes=` comment: a native search, where
 * the comment's pattern scans a large file slowly.
 */
function mayHaveVersionOverride(text: string): boolean {
  return text.includes(versionOverrideMarker);
}

/** The word every version comment holds: a file without it chooses no version. */
export const versionOverrideMarker = 'podline';

/**
 * Finds the file's Kubernetes version override. Give the parsed documents when you have them
 * (those whose ranges may hold an offset): then a `#` inside a block scalar or a multi-line quoted string, which is text and not a
 * comment, is not taken for one.
 */
export function parseVersionOverride(
  text: string,
  documentsAt?: (offset: number) => readonly YamlDocumentModel[],
): VersionOverride | undefined {
  if (!mayHaveVersionOverride(text)) return undefined;
  overridePattern.lastIndex = 0;
  for (let match = overridePattern.exec(text); match; match = overridePattern.exec(text)) {
    const versionText = match[2] ?? '';
    const hashOffset = match.index + (match[1] ?? '').length;
    if (documentsAt && insideScalar(documentsAt(hashOffset), hashOffset)) continue;
    const start = match.index + match[0].lastIndexOf(versionText);
    const written = normalizeKubernetesVersion(versionText) ?? versionText;
    return {
      written,
      version: isSupportedKubernetesVersion(written) ? written : undefined,
      range: { start, end: start + versionText.length },
    };
  }
  return undefined;
}

function insideScalar(documents: readonly YamlDocumentModel[], offset: number): boolean {
  for (const document of documents) {
    if (offset < document.range.start || offset > document.range.end) continue;
    const node = findNodeAt(document.root, offset);
    if (node?.kind === 'scalar' && offset > node.range.start && offset < node.range.end) return true;
  }
  return false;
}

/** The code the version comment can give rise to, with its documentation. */
export const versionCommentCodes = {
  'podline/unknown-kubernetes-version': {
    severity: 'warning',
    summary: 'The `# podline: kubernetes=X.Y` comment names a version Podline does not ship.',
    source: 'Podline',
    example: '# podline: kubernetes=1.12',
  },
} satisfies CodeDocs;

/** The version a file is validated for, and the finding to show when its override is unknown. */
export interface ResolvedKubernetesVersion {
  readonly version: KubernetesVersion;
  readonly override: VersionOverride | undefined;
  /** `podline/unknown-kubernetes-version` at the override's version text, when it is unsupported. */
  readonly report: RuleReport<keyof typeof versionCommentCodes> | undefined;
}

/**
 * Picks the version to validate a file for: its override comment when that names a supported
 * version, else `configured` (the `podline.kubernetesVersion` setting).
 */
export function resolveKubernetesVersion(
  text: string,
  configured: KubernetesVersion,
  locale: Locale,
  documentsAt?: (offset: number) => readonly YamlDocumentModel[],
): ResolvedKubernetesVersion {
  const override = parseVersionOverride(text, documentsAt);
  if (!override) return { version: configured, override, report: undefined };
  if (override.version) return { version: override.version, override, report: undefined };
  return {
    version: configured,
    override,
    report: {
      code: 'podline/unknown-kubernetes-version',
      severity: 'warning',
      message: formatMessage(schemaMessages, locale, 'unknownKubernetesVersion', {
        version: override.written,
        supported: supportedKubernetesVersions.join(', '),
        fallback: configured,
      }),
      range: override.range,
      path: null,
      data: { version: override.written, supported: [...supportedKubernetesVersions] },
    },
  };
}
