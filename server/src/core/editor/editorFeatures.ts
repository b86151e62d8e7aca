import { findNodeAt } from '../yaml/yamlModel';
import { fieldHover } from './fieldHover';
import { scheduleCodeLens } from './scheduleCodeLens';
import { scheduleCompletion } from './scheduleCompletion';
import { scheduleHover } from './scheduleHover';
import { timeZoneHover } from './timeZoneHover';
import { workloadCodeLens } from './workloadCodeLens';
import type { YamlNode } from '../yaml/yamlModel';
import type {
  CodeLensItem,
  CodeLensProvider,
  CompletionItem,
  CompletionProvider,
  EditorContext,
  HoverProvider,
  HoverResult,
  PositionContext,
} from './editorFeature';

/** The hover providers, most specific first; the first that answers wins. */
export const hoverProviders: readonly HoverProvider[] = [scheduleHover, timeZoneHover, fieldHover];
/** The code lens providers; all of them contribute. */
export const codeLensProviders: readonly CodeLensProvider[] = [scheduleCodeLens, workloadCodeLens];
/** The completion providers, most specific first; the first that answers wins. */
export const completionProviders: readonly CompletionProvider[] = [scheduleCompletion];

/** Describes what is at `offset`: the document's workload, the node, its field path, key or value. */
export function positionContext(context: EditorContext, offset: number): PositionContext {
  // Only the document at the offset: a large file's other documents are not read for a hover.
  const document = context.analysis.documentAt(offset);
  const root = document?.root ?? null;
  const node = findNodeAt(root, offset);
  let path: string | null = node?.path ?? null;
  let onKey = false;
  if (node?.kind === 'map') {
    const entry = node.entries.find(
      (candidate) => candidate.keyRange.start <= offset && offset <= candidate.keyRange.end,
    );
    if (entry) {
      onKey = true;
      path = entry.value?.path ?? keyPath(node, entry.key);
    }
  }
  const workload = document ? context.analysis.workloadOf(document) : undefined;
  return { ...context, offset, node, path, onKey, workload };
}

function keyPath(map: YamlNode, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key)
    ? map.path === ''
      ? key
      : `${map.path}.${key}`
    : `${map.path}[${key}]`;
}

/** What to call a provider in a report: the feature, and the provider's name when it has one. */
function featureName(feature: string, provider: { readonly name: string }): string {
  return provider.name ? `${feature}:${provider.name}` : feature;
}

/**
 * The hover at `offset`, from the first provider that answers. A provider that throws is reported
 * through `context.reportError` and the next one is asked; this never throws unless the reporter does.
 */
export function computeHover(
  context: EditorContext,
  offset: number,
  providers: readonly HoverProvider[] = hoverProviders,
): HoverResult | undefined {
  const position = positionContext(context, offset);
  for (const provider of providers) {
    try {
      const result = provider(position);
      if (result) return result;
    } catch (error) {
      // One failing provider must not hide the others, nor its own failure.
      context.reportError(featureName('hover', provider), error);
    }
  }
  return undefined;
}

/** Every code lens of the document; a provider that throws is reported and contributes nothing. */
export function computeCodeLenses(
  context: EditorContext,
  providers: readonly CodeLensProvider[] = codeLensProviders,
): CodeLensItem[] {
  return providers.flatMap((provider) => {
    try {
      return provider(context);
    } catch (error) {
      context.reportError(featureName('codeLens', provider), error);
      return [];
    }
  });
}

/** The completion items at `offset`, from the first provider that answers; one that throws is reported. */
export function computeCompletions(
  context: EditorContext,
  offset: number,
  providers: readonly CompletionProvider[] = completionProviders,
): CompletionItem[] {
  const position = positionContext(context, offset);
  for (const provider of providers) {
    try {
      const result = provider(position);
      if (result) return result;
    } catch (error) {
      context.reportError(featureName('completion', provider), error);
    }
  }
  return [];
}
