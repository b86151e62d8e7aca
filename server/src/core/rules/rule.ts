import type { CodeDocs } from '../findings/codeDoc';
import type { RuleReport } from '../findings/finding';
import type { Locale } from '../l10n';
import type { KubernetesVersion } from '../schema/kubernetesVersions';
import type { PodlineSettings } from '../settings';
import type { Workload, WorkloadKind } from '../workload/recognizeWorkload';

/** What a rule sees: one recognised workload and the settings. */
export interface RuleContext<Code extends string = string> {
  readonly workload: Workload;
  readonly settings: PodlineSettings;
  readonly locale: Locale;
  /** The Kubernetes version to validate for: the setting, or the file's override comment. */
  readonly kubernetesVersion: KubernetesVersion;
  readonly text: string;
  /**
   * Reports a finding with one of the rule's codes. A property, not a method, so that a context
   * for some codes is not taken for a context for any code: a helper that reports must say which.
   */
  readonly report: (finding: RuleReport<Code>) => void;
}

/** A validation rule: one module each, listed in the registry (`rules/ruleRegistry.ts`). */
export interface Rule<Code extends string = string> {
  /** Every code it reports, with its documentation (`docs/rules.md`, SARIF). */
  readonly codes: CodeDocs<Code>;
  /** The kinds it applies to. */
  readonly kinds: readonly WorkloadKind[];
  check(context: RuleContext<Code>): void;
}

/** A rule that can report only the codes it documents: `check`'s context takes no other. */
export function defineRule<Code extends string>(rule: Rule<Code>): Rule<Code> {
  return rule;
}
