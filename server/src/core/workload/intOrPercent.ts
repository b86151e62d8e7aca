/**
 * Int-or-percent fields (`maxUnavailable`, `maxSurge`) as the API server validates them and the
 * DaemonSet controller scales them.
 */

/** A value the API server accepts: a non-negative integer, or a percent from 0% to 100%. */
export type IntOrPercent =
  { readonly kind: 'int'; readonly value: number } | { readonly kind: 'percent'; readonly value: number };

/**
 * Reads an IntOrString value as `ValidatePositiveIntOrPercent` and `IsNotMoreThan100Percent`
 * (pkg/apis/apps/validation/validation.go) accept it; undefined when they reject it: a negative
 * integer, a string that is not digits and `%`, or more than 100%.
 */
export function parseIntOrPercent(value: unknown): IntOrPercent | undefined {
  if (typeof value === 'number')
    return Number.isInteger(value) && value >= 0 ? { kind: 'int', value } : undefined;
  if (typeof value !== 'string' || !/^[0-9]+%$/.test(value)) return undefined;
  const percent = Number.parseInt(value, 10);
  return percent <= 100 ? { kind: 'percent', value: percent } : undefined;
}

/**
 * `intstr.GetScaledValueFromIntOrPercent(value, total, true)`, as the DaemonSet controller calls
 * it (`updatedDesiredNodeCounts`, pkg/controller/daemon/update.go): a percent rounds up.
 */
export function scaleIntOrPercent(value: IntOrPercent, total: number): number {
  return value.kind === 'int' ? value.value : Math.ceil((value.value * total) / 100);
}

/** The value as written in a manifest: `1`, `25%`. */
export function formatIntOrPercent(value: IntOrPercent): string {
  return value.kind === 'int' ? String(value.value) : `${value.value}%`;
}
