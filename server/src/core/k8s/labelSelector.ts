/** A label selector as written in a manifest, reduced to what matching needs. */
export interface LabelSelector {
  readonly matchLabels: ReadonlyMap<string, string>;
  readonly matchExpressions: readonly {
    readonly key: string;
    readonly operator: string;
    readonly values: readonly string[];
  }[];
}

/**
 * Whether `selector` matches `labels`, as `metav1.LabelSelectorAsSelector(...).Matches` decides:
 * a nil selector matches nothing, an empty one everything. Unknown operators match nothing
 * (the API server rejects them anyway).
 */
export function selectorMatches(
  selector: LabelSelector | null,
  labels: ReadonlyMap<string, string>,
): boolean {
  if (!selector) return false;
  for (const [key, value] of selector.matchLabels) if (labels.get(key) !== value) return false;
  for (const expression of selector.matchExpressions) {
    const value = labels.get(expression.key);
    switch (expression.operator) {
      case 'In':
        if (value === undefined || !expression.values.includes(value)) return false;
        break;
      case 'NotIn':
        if (value !== undefined && expression.values.includes(value)) return false;
        break;
      case 'Exists':
        if (value === undefined) return false;
        break;
      case 'DoesNotExist':
        if (value !== undefined) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** True for `{}` or a selector with neither matchLabels nor matchExpressions. */
export function isEmptySelector(selector: LabelSelector): boolean {
  return selector.matchLabels.size === 0 && selector.matchExpressions.length === 0;
}
