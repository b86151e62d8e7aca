import { cronJobSpecRule } from './cronJobSpecRule';
import { daemonSetSpecRule } from './daemonSetSpecRule';
import { metadataRule } from './metadataRule';
import { podTemplateRule } from './podTemplateRule';
import { restartPolicyRule } from './restartPolicyRule';
import type { Rule } from './rule';
import { selectorRule } from './selectorRule';

/**
 * Every Kubernetes rule Podline runs, in the order their findings are listed. Adding a rule is
 * one module beside this file, one line here, and its tests.
 */
export const ruleRegistry: readonly Rule[] = [
  metadataRule,
  selectorRule,
  cronJobSpecRule,
  daemonSetSpecRule,
  podTemplateRule,
  restartPolicyRule,
];
