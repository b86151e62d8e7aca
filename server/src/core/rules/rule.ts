import type { RuleReport } from '../findings/finding';
import type { Locale } from '../l10n';
import type { KubernetesVersion } from '../schema/kubernetesVersions';
import type { PodlineSettings } from '../settings';
import type { Workload, WorkloadKind } from '../workload/recognizeWorkload';

/** What a rule sees: one recognised workload and the settings. */
export interface RuleContext {
  readonly workload: Workload;
  readonly settings: PodlineSettings;
  readonly locale: Locale;
  /** The Kubernetes version to validate for: the setting, or the file's override comment. */
  readonly kubernetesVersion: KubernetesVersion;
  readonly text: string;
  report(finding: RuleReport): void;
}

/** A validation rule: one module each, listed in the registry (`rules/ruleRegistry.ts`). */
export interface Rule {
  /** The stable code of the findings it reports, e.g. `job/restart-policy`. */
  readonly code: string;
  /** The kinds it applies to. */
  readonly kinds: readonly WorkloadKind[];
  check(context: RuleContext): void;
}
