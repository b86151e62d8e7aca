import { schemaCodes, validateSchema } from '../schema/validateSchema';
import { defineRule } from './rule';

/**
 * The whole object against the target version's schema: unknown fields (kubectl's strict field
 * validation), types, the enums and required fields the API server enforces, and removed API
 * versions (`server/src/core/schema/validateSchema.ts`, which documents the codes).
 */
export const schemaRule = defineRule({
  codes: schemaCodes,
  kinds: ['Job', 'CronJob', 'DaemonSet'],
  check(context) {
    for (const report of validateSchema(context.workload, context.kubernetesVersion, context.locale))
      context.report(report);
  },
});
