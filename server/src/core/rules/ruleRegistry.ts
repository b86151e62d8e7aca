import type { Rule } from './rule';
import { restartPolicyRule } from './restartPolicyRule';

/**
 * Every Kubernetes rule Podline runs, in the order their findings are listed. Adding a rule is
 * one module beside this file, one line here, and its tests.
 */
export const ruleRegistry: readonly Rule[] = [restartPolicyRule];
