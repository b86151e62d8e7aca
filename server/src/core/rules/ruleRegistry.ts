import { cronJobSpecRule } from './cronJobSpecRule';
import { cronScheduleRule } from './cronScheduleRule';
import { controlPlaneTolerationLint } from './lints/controlPlaneTolerationLint';
import { imageLint } from './lints/imageLint';
import { workloadHygieneLint } from './lints/workloadHygieneLint';
import { daemonSetSpecRule } from './daemonSetSpecRule';
import { metadataRule } from './metadataRule';
import { podTemplateRule } from './podTemplateRule';
import { containerPortsRule } from './containerPortsRule';
import { containerEnvRule } from './containerEnvRule';
import { resourcesRule } from './resourcesRule';
import { probesRule } from './probesRule';
import { volumesRule } from './volumesRule';
import { volumeMountsRule } from './volumeMountsRule';
import { restartPolicyRule } from './restartPolicyRule';
import { jobCountsRule } from './jobCountsRule';
import { jobCompletionModeRule } from './jobCompletionModeRule';
import { managedByRule } from './managedByRule';
import { podFailurePolicyRule } from './podFailurePolicyRule';
import { successPolicyRule } from './successPolicyRule';
import { podReplacementPolicyRule } from './podReplacementPolicyRule';
import { jobIndexedHostnameRule } from './jobIndexedHostnameRule';
import { nameDnsLabelWarningRule } from './nameDnsLabelWarningRule';
import type { Rule } from './rule';
import { schemaRule } from './schemaRule';
import { selectorRule } from './selectorRule';

/**
 * Every Kubernetes rule Podline runs, in the order their findings are listed. Each rule documents
 * the codes it reports, and `analysis/ruleDocs.ts` collects that documentation from this list.
 * Adding a rule is one module beside this file, one line here, and its tests (README, "Adding a
 * rule").
 */
export const ruleRegistry: readonly Rule[] = [
  schemaRule,
  metadataRule,
  selectorRule,
  jobCountsRule,
  jobCompletionModeRule,
  managedByRule,
  podFailurePolicyRule,
  successPolicyRule,
  podReplacementPolicyRule,
  jobIndexedHostnameRule,
  nameDnsLabelWarningRule,
  cronJobSpecRule,
  cronScheduleRule,
  daemonSetSpecRule,
  podTemplateRule,
  containerPortsRule,
  containerEnvRule,
  resourcesRule,
  probesRule,
  volumesRule,
  volumeMountsRule,
  restartPolicyRule,
  imageLint,
  controlPlaneTolerationLint,
  workloadHygieneLint,
];
