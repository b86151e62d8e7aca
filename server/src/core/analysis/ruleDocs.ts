import type { CodeDoc, CodeDocs } from '../findings/codeDoc';
import { ruleRegistry } from '../rules/ruleRegistry';
import { versionCommentCodes } from '../schema/kubernetesVersions';
import { analysisCodes } from './analysisCodes';

/** The documentation of one finding code, as `docs/rules.md` and SARIF's rule metadata show it. */
export interface RuleDoc extends CodeDoc {
  readonly code: string;
}

/**
 * The groups of codes (the part before the `/`) in the order `docs/rules.md` lists them: the
 * file, then the object from its schema and metadata inwards, then the lints.
 */
export const codeGroups: readonly string[] = [
  'yaml',
  'file',
  'internal',
  'podline',
  'schema',
  'metadata',
  'workload',
  'pod',
  'job',
  'cronjob',
  'daemonset',
  'lint',
];

/** The documented codes of each source, in their order of declaration. */
function docsOf(sources: readonly CodeDocs[]): RuleDoc[] {
  return sources.flatMap((codes) => Object.entries(codes).map(([code, doc]) => ({ code, ...doc })));
}

function groupIndex(code: string): number {
  const index = codeGroups.indexOf(code.split('/')[0] ?? '');
  return index === -1 ? codeGroups.length : index;
}

/**
 * Every finding code Podline reports, documented: the codes the analysis and the version comment
 * report, then those of each rule in the registry, grouped as `codeGroups` says (within a group
 * they keep that order). Nothing is written here: each module documents the codes it reports.
 */
export const ruleDocs: readonly RuleDoc[] = docsOf([
  analysisCodes,
  versionCommentCodes,
  ...ruleRegistry.map((rule) => rule.codes),
]).sort((a, b) => groupIndex(a.code) - groupIndex(b.code));

/** The documentation of a code, if it has any. */
export function ruleDocFor(code: string): RuleDoc | undefined {
  return ruleDocs.find((doc) => doc.code === code);
}
