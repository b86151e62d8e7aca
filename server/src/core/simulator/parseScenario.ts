/**
 * Reads a scenario file (YAML, docs/scenarios.md) into a validated `Scenario`. Every problem is
 * reported with the line and column where it was written, and the function never throws: bad
 * input gives errors, not exceptions.
 */

import { loadTimeZone } from '../cron';
import { formatMessage } from '../l10n';
import type { Locale, MessageArgs } from '../l10n';
import { LineIndex } from '../text/offsetRange';
import type { OffsetRange } from '../text/offsetRange';
import { parseYamlFile } from '../yaml/parseYamlFile';
import type { YamlMap, YamlNode } from '../yaml/yamlModel';
import { resolve } from '../yaml/fieldRef';
import { parseDurationMs, parseInstantMs } from './durations';
import type {
  DisruptionReason,
  Distribution,
  IntegerSet,
  NodeSpec,
  OutcomeRule,
  PodSelector,
  Scenario,
  ScenarioEventSpec,
  SimulationLimits,
  TaintSpec,
} from './scenarioTypes';
import {
  LIMIT_CAPS,
  MAX_SCENARIO_COUNT,
  MAX_SCENARIO_NODES,
  SCENARIO_EVENT_FIELDS,
  SCENARIO_EVENT_TYPES,
  TAINT_EFFECTS,
  scenarioEventDefinition,
} from './scenarioEvents';
import type { ScenarioEventField } from './scenarioEvents';
import { simulatorMessages } from './simulatorMessages';
import type { SimulatorMessageKey } from './simulatorMessages';

/** A problem in a scenario file, with its 1-based line and column. */
export interface ScenarioError {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  /** The scenario field, e.g. `events[2].node`; empty for file-level problems. */
  readonly path: string;
}

/** The outcome of reading a scenario. */
export type ScenarioParseResult =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly errors: readonly ScenarioError[] };

/** The instant the virtual clock starts at when a scenario names none (a Monday, 00:00 UTC). */
export const DEFAULT_START = '2026-01-05T00:00:00Z';

/** The default cluster: one tainted control-plane node and two workers. */
export const DEFAULT_NODES: readonly NodeSpec[] = [
  {
    name: 'control-plane',
    labels: withStandardLabels('control-plane', { 'node-role.kubernetes.io/control-plane': '' }),
    taints: [{ key: 'node-role.kubernetes.io/control-plane', value: '', effect: 'NoSchedule' }],
    unschedulable: false,
  },
  { name: 'worker-1', labels: withStandardLabels('worker-1', {}), taints: [], unschedulable: false },
  { name: 'worker-2', labels: withStandardLabels('worker-2', {}), taints: [], unschedulable: false },
];

/** The default limits. */
export const DEFAULT_LIMITS: SimulationLimits = {
  maxEvents: 3_500_000,
  maxDurationMs: 400 * 86_400_000,
  maxPods: 600_000,
  timelinePods: 1000,
  timelineEvents: 5000,
  timelineJobs: 1000,
  statusSamples: 5000,
};

/** The scenario used when none is given: pods start after 1 s, run 10 s and succeed. */
export const DEFAULT_SCENARIO: Scenario = {
  seed: 1,
  startMs: Date.UTC(2026, 0, 5),
  controllerTimeZone: 'UTC',
  horizon: { durationMs: null, jobs: null },
  limits: DEFAULT_LIMITS,
  pods: {
    startLatency: { kind: 'fixed', ms: 1000 },
    runTime: { kind: 'fixed', ms: 10_000 },
    terminationTime: { kind: 'fixed', ms: 1000 },
    outcomes: [],
  },
  controller: { jobBackoffCapMs: 600_000, podGcDelayMs: 40_000 },
  nodes: DEFAULT_NODES,
  events: [],
};

/** Adds the labels the kubelet puts on every node, unless the scenario sets them itself. */
function withStandardLabels(name: string, labels: Readonly<Record<string, string>>): Record<string, string> {
  return {
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
    ...labels,
  };
}

const MAX_SEED = Number.MAX_SAFE_INTEGER;
const MAX_EXIT_CODE = 255;
const MAX_COUNT = MAX_SCENARIO_COUNT;

class Reader {
  readonly errors: ScenarioError[] = [];
  private readonly lines: LineIndex;

  constructor(
    text: string,
    private readonly locale: Locale,
  ) {
    this.lines = new LineIndex(text);
  }

  error(range: OffsetRange | null, path: string, key: SimulatorMessageKey, args: MessageArgs = {}): void {
    const position = this.lines.positionAt(range?.start ?? 0);
    this.errors.push({
      message: formatMessage(simulatorMessages, this.locale, key, { path, ...args }),
      line: position.line + 1,
      column: position.character + 1,
      path,
    });
  }

  lineOf(node: YamlNode | null): number {
    return this.lines.positionAt(node?.range.start ?? 0).line + 1;
  }

  /** The entries of a mapping, reporting keys outside `allowed`; null (and an error) for a non-map. */
  map(node: YamlNode | null, path: string, allowed: readonly string[]): Map<string, YamlNode> | null {
    const resolved = resolve(node);
    if (resolved === null) return new Map();
    if (resolved.kind !== 'map') {
      this.error(resolved.range, path || '(scenario)', 'notMap');
      return null;
    }
    return this.entries(resolved, path, allowed);
  }

  private entries(map: YamlMap, path: string, allowed: readonly string[]): Map<string, YamlNode> {
    const found = new Map<string, YamlNode>();
    for (const entry of map.entries) {
      const entryPath = path === '' ? entry.key : `${path}.${entry.key}`;
      if (!allowed.includes(entry.key)) {
        this.error(entry.keyRange, entryPath, 'unknownField', { allowed: allowed.join(', ') });
        continue;
      }
      const value = resolve(entry.value);
      if (value !== null) found.set(entry.key, value);
    }
    return found;
  }

  list(node: YamlNode | undefined, path: string): YamlNode[] {
    const resolved = resolve(node);
    if (resolved === null) return [];
    if (resolved.kind !== 'seq') {
      this.error(resolved.range, path, 'notList');
      return [];
    }
    return resolved.items.map((item) => resolve(item)).filter((item): item is YamlNode => item !== null);
  }

  scalar(node: YamlNode | undefined): string | number | boolean | null | undefined {
    return node?.kind === 'scalar' ? node.value : undefined;
  }

  string(node: YamlNode | undefined, path: string): string | null {
    if (node === undefined) return null;
    const value = this.scalar(node);
    // A label value such as `true` or `1` is still text to the user; keep its source spelling.
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    this.error(node.range, path, 'notString');
    return null;
  }

  boolean(node: YamlNode | undefined, path: string, fallback: boolean): boolean {
    if (node === undefined) return fallback;
    const value = this.scalar(node);
    if (typeof value === 'boolean') return value;
    this.error(node.range, path, 'notBoolean');
    return fallback;
  }

  integer(node: YamlNode | undefined, path: string, min: number, max: number, fallback: number): number {
    if (node === undefined) return fallback;
    const value = this.scalar(node);
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
    this.error(node.range, path, 'notInteger', { min, max, value: String(value ?? node.kind) });
    return fallback;
  }

  number(node: YamlNode | undefined, path: string, min: number, max: number, fallback: number): number {
    if (node === undefined) return fallback;
    const value = this.scalar(node);
    if (typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max) return value;
    this.error(node.range, path, 'notNumber', { min, max, value: String(value ?? node.kind) });
    return fallback;
  }

  duration(node: YamlNode | undefined, path: string, fallback: number): number {
    if (node === undefined) return fallback;
    const value = this.scalar(node);
    const ms = parseDurationMs(value);
    if (ms !== null && ms <= MAX_DURATION_MS) return ms;
    this.error(node.range, path, 'badDuration', { value: String(value ?? node.kind) });
    return fallback;
  }

  enumValue<T extends string>(
    node: YamlNode | undefined,
    path: string,
    allowed: readonly T[],
    fallback: T,
  ): T {
    if (node === undefined) return fallback;
    const value = this.scalar(node);
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    this.error(node.range, path, 'badEnum', {
      allowed: allowed.join(', '),
      value: String(value ?? node.kind),
    });
    return fallback;
  }
}

/** Ten thousand years: far beyond any horizon, small enough to stay exact in milliseconds. */
const MAX_DURATION_MS = 10_000 * 365 * 86_400_000;

/** Errors in the order of the text they are about, as an editor lists them. */
function byPosition(errors: readonly ScenarioError[]): ScenarioError[] {
  return [...errors].sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * Parses a scenario. A file may hold several `---`-separated scenarios, each with `document: N`
 * naming the manifest document it is for; the one for `documentIndex` wins, then one without
 * `document`. An empty file (or none that applies) gives the defaults.
 */
export function parseScenario(text: string, documentIndex: number, locale: Locale): ScenarioParseResult {
  const reader = new Reader(text, locale);
  const yaml = parseYamlFile(text);
  for (const problem of yaml.problems) {
    if (problem.kind === 'syntax') reader.error(problem.range, '', 'yamlSyntax', { detail: problem.detail });
    else if (problem.kind === 'duplicateKey')
      reader.error(problem.range, problem.path, 'duplicateKey', { key: problem.key });
    else if (problem.kind === 'tooLarge')
      reader.error(problem.range, '', 'scenarioTooLarge', { limit: problem.limit });
    else if (problem.kind === 'tooDeep') reader.error(problem.range, problem.path, 'scenarioTooDeep', {});
    else if (problem.kind === 'excessiveAliasing') reader.error(problem.range, '', 'scenarioAliasing', {});
    else if (problem.kind === 'binary') reader.error(problem.range, '', 'scenarioBinary', {});
    else if (problem.kind === 'nonScalarKey') reader.error(problem.range, problem.path, 'scenarioKey', {});
    else if (problem.kind === 'internal')
      reader.error(problem.range, '', 'yamlSyntax', { detail: problem.detail });
  }
  if (reader.errors.length > 0) return { ok: false, errors: byPosition(reader.errors) };

  let chosen: YamlNode | null = null;
  let fallback: YamlNode | null = null;
  for (const document of yaml.documents) {
    const root = resolve(document.root);
    if (root === null) continue;
    if (root.kind !== 'map') {
      reader.error(root.range, '(scenario)', 'notMap');
      continue;
    }
    const target = root.entries.find((entry) => entry.key === 'document');
    const targetValue = reader.scalar(resolve(target?.value) ?? undefined);
    if (target === undefined) fallback ??= root;
    else if (targetValue === documentIndex) chosen ??= root;
    else if (typeof targetValue !== 'number' || !Number.isInteger(targetValue) || targetValue < 0)
      reader.error(target.keyRange, 'document', 'notInteger', {
        min: 0,
        max: 1_000_000,
        value: String(targetValue),
      });
  }
  const root = chosen ?? fallback;
  const scenario = readScenario(reader, root);
  if (reader.errors.length > 0) return { ok: false, errors: byPosition(reader.errors) };
  return { ok: true, scenario };
}

function readScenario(reader: Reader, root: YamlNode | null): Scenario {
  const top = reader.map(root, '', [
    'document',
    'seed',
    'start',
    'controllerTimeZone',
    'horizon',
    'limits',
    'pods',
    'controller',
    'nodes',
    'events',
  ]);
  if (top === null) return DEFAULT_SCENARIO;
  const defaults = DEFAULT_SCENARIO;
  const seed = reader.integer(top.get('seed'), 'seed', 0, MAX_SEED, defaults.seed);

  let startMs = defaults.startMs;
  const startNode = top.get('start');
  if (startNode !== undefined) {
    const parsed = parseInstantMs(reader.scalar(startNode));
    if (parsed === null)
      reader.error(startNode.range, 'start', 'badInstant', { value: String(reader.scalar(startNode)) });
    else startMs = parsed;
  }

  let controllerTimeZone = defaults.controllerTimeZone;
  const zoneNode = top.get('controllerTimeZone');
  if (zoneNode !== undefined) {
    const zone = reader.string(zoneNode, 'controllerTimeZone');
    if (zone !== null && loadTimeZone(zone) === null)
      reader.error(zoneNode.range, 'controllerTimeZone', 'badTimeZone', { value: zone });
    else if (zone !== null) controllerTimeZone = zone;
  }

  const horizon = readHorizon(reader, top.get('horizon'));
  const limits = readLimits(reader, top.get('limits'));
  const pods = readPods(reader, top.get('pods'));
  const controllerMap = reader.map(top.get('controller') ?? null, 'controller', [
    'jobBackoffCap',
    'podGcDelay',
  ]);
  const controller = {
    jobBackoffCapMs: reader.duration(
      controllerMap?.get('jobBackoffCap'),
      'controller.jobBackoffCap',
      defaults.controller.jobBackoffCapMs,
    ),
    podGcDelayMs: reader.duration(
      controllerMap?.get('podGcDelay'),
      'controller.podGcDelay',
      defaults.controller.podGcDelayMs,
    ),
  };
  const nodesNode = top.get('nodes');
  const nodes = nodesNode === undefined ? DEFAULT_NODES : readNodes(reader, nodesNode, 'nodes');
  const events = readEvents(reader, top.get('events'), startMs, nodes);
  return { seed, startMs, controllerTimeZone, horizon, limits, pods, controller, nodes, events };
}

function readHorizon(reader: Reader, node: YamlNode | undefined): Scenario['horizon'] {
  if (node === undefined) return { durationMs: null, jobs: null };
  if (node.kind === 'scalar') return { durationMs: reader.duration(node, 'horizon', 0), jobs: null };
  const map = reader.map(node, 'horizon', ['duration', 'jobs']);
  const duration = map?.get('duration');
  const jobs = map?.get('jobs');
  return {
    durationMs: duration === undefined ? null : reader.duration(duration, 'horizon.duration', 0),
    jobs: jobs === undefined ? null : reader.integer(jobs, 'horizon.jobs', 1, MAX_COUNT, 1),
  };
}

function readLimits(reader: Reader, node: YamlNode | undefined): SimulationLimits {
  const map = reader.map(node ?? null, 'limits', [
    'maxEvents',
    'maxDuration',
    'maxPods',
    'timelinePods',
    'timelineEvents',
    'timelineJobs',
    'statusSamples',
  ]);
  const d = DEFAULT_LIMITS;
  const count = (key: keyof typeof LIMIT_CAPS, fallback: number, min = 0): number =>
    reader.integer(map?.get(key), `limits.${key}`, min, LIMIT_CAPS[key], fallback);
  return {
    maxEvents: count('maxEvents', d.maxEvents, 1),
    maxDurationMs: reader.duration(map?.get('maxDuration'), 'limits.maxDuration', d.maxDurationMs),
    maxPods: count('maxPods', d.maxPods, 1),
    timelinePods: count('timelinePods', d.timelinePods),
    timelineEvents: count('timelineEvents', d.timelineEvents),
    timelineJobs: count('timelineJobs', d.timelineJobs),
    statusSamples: count('statusSamples', d.statusSamples),
  };
}

function readPods(reader: Reader, node: YamlNode | undefined): Scenario['pods'] {
  const map = reader.map(node ?? null, 'pods', ['startLatency', 'runTime', 'terminationTime', 'exitCodes']);
  const d = DEFAULT_SCENARIO.pods;
  const outcomes: OutcomeRule[] = [];
  reader.list(map?.get('exitCodes'), 'pods.exitCodes').forEach((item, i) => {
    const rule = readOutcome(reader, item, `pods.exitCodes[${i}]`);
    if (rule) outcomes.push(rule);
  });
  return {
    startLatency: readDistribution(reader, map?.get('startLatency'), 'pods.startLatency', d.startLatency),
    runTime: readDistribution(reader, map?.get('runTime'), 'pods.runTime', d.runTime),
    terminationTime: readDistribution(
      reader,
      map?.get('terminationTime'),
      'pods.terminationTime',
      d.terminationTime,
    ),
    outcomes,
  };
}

function readDistribution(
  reader: Reader,
  node: YamlNode | undefined,
  path: string,
  fallback: Distribution,
): Distribution {
  if (node === undefined) return fallback;
  if (node.kind === 'scalar') return { kind: 'fixed', ms: reader.duration(node, path, 0) };
  if (node.kind !== 'map') {
    reader.error(node.range, path, 'badDistribution');
    return fallback;
  }
  const map = reader.map(node, path, ['distribution', 'min', 'max', 'mean', 'stddev', 'value']);
  if (map === null) return fallback;
  const kind = reader.enumValue(
    map.get('distribution'),
    `${path}.distribution`,
    ['fixed', 'uniform', 'normal', 'exponential'] as const,
    map.has('mean') ? 'normal' : 'uniform',
  );
  const minMs = reader.duration(map.get('min'), `${path}.min`, 0);
  const maxMs = reader.duration(map.get('max'), `${path}.max`, MAX_DURATION_MS);
  if (minMs > maxMs) reader.error(node.range, path, 'minAboveMax');
  switch (kind) {
    case 'fixed':
      if (!map.has('value')) reader.error(node.range, `${path}.value`, 'required');
      return { kind: 'fixed', ms: reader.duration(map.get('value'), `${path}.value`, 0) };
    case 'uniform':
      if (!map.has('min')) reader.error(node.range, `${path}.min`, 'required');
      if (!map.has('max')) reader.error(node.range, `${path}.max`, 'required');
      return { kind: 'uniform', minMs, maxMs };
    case 'normal':
      if (!map.has('mean')) reader.error(node.range, `${path}.mean`, 'required');
      return {
        kind: 'normal',
        meanMs: reader.duration(map.get('mean'), `${path}.mean`, 0),
        stddevMs: reader.duration(map.get('stddev'), `${path}.stddev`, 0),
        minMs,
        maxMs,
      };
    case 'exponential':
      if (!map.has('mean')) reader.error(node.range, `${path}.mean`, 'required');
      return {
        kind: 'exponential',
        meanMs: reader.duration(map.get('mean'), `${path}.mean`, 0),
        minMs,
        maxMs,
      };
  }
}

function readIntegerSet(
  reader: Reader,
  node: YamlNode | undefined,
  path: string,
  min: number,
): IntegerSet | null {
  if (node === undefined) return null;
  const items = node.kind === 'seq' ? reader.list(node, path) : [node];
  const ranges: [number, number][] = [];
  for (const item of items) {
    const value = reader.scalar(item);
    if (typeof value === 'number' && Number.isInteger(value) && value >= min) {
      ranges.push([value, value]);
      continue;
    }
    const match = typeof value === 'string' ? /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(value) : null;
    const low = Number(match?.[1]);
    const high = Number(match?.[2]);
    if (match && low >= min && low <= high) {
      ranges.push([low, high]);
      continue;
    }
    reader.error(item.range, path, 'badIntegerSet', { value: String(value ?? item.kind) });
  }
  return ranges;
}

function readOutcome(reader: Reader, node: YamlNode, path: string): OutcomeRule | null {
  const map = reader.map(node, path, [
    'exitCode',
    'container',
    'probability',
    'pods',
    'indexes',
    'attempts',
    'restarts',
    'jobs',
    'runTime',
    'conditions',
  ]);
  if (map === null) return null;
  if (!map.has('exitCode')) reader.error(node.range, `${path}.exitCode`, 'required');
  const conditions: string[] = [];
  for (const [i, item] of reader.list(map.get('conditions'), `${path}.conditions`).entries()) {
    const type = reader.string(item, `${path}.conditions[${i}]`);
    if (type !== null) conditions.push(type);
  }
  const runTime = map.get('runTime');
  return {
    exitCode: reader.integer(map.get('exitCode'), `${path}.exitCode`, 0, MAX_EXIT_CODE, 0),
    container: map.has('container') ? reader.string(map.get('container'), `${path}.container`) : null,
    probability: reader.number(map.get('probability'), `${path}.probability`, 0, 1, 1),
    pods: readIntegerSet(reader, map.get('pods'), `${path}.pods`, 1),
    indexes: readIntegerSet(reader, map.get('indexes'), `${path}.indexes`, 0),
    attempts: readIntegerSet(reader, map.get('attempts'), `${path}.attempts`, 1),
    restarts: readIntegerSet(reader, map.get('restarts'), `${path}.restarts`, 0),
    jobs: readIntegerSet(reader, map.get('jobs'), `${path}.jobs`, 1),
    runTime:
      runTime === undefined
        ? null
        : readDistribution(reader, runTime, `${path}.runTime`, { kind: 'fixed', ms: 0 }),
    conditions,
  };
}

function readNodes(reader: Reader, node: YamlNode, path: string): NodeSpec[] {
  const nodes: NodeSpec[] = [];
  const seen = new Set<string>();
  reader.list(node, path).forEach((item, i) => {
    for (const spec of readNodeSpecs(
      reader,
      item,
      `${path}[${i}]`,
      true,
      MAX_SCENARIO_NODES - nodes.length,
    )) {
      if (seen.has(spec.name))
        reader.error(item.range, `${path}[${i}]`, 'duplicateNode', { node: spec.name });
      seen.add(spec.name);
      nodes.push(spec);
    }
  });
  return nodes;
}

/** One node, or `count` nodes named `<name>-1` … `<name>-<count>` with the same labels and taints. */
/**
 * The nodes of one entry: none, with an error, when they are more than `room` (what is left of
 * MAX_SCENARIO_NODES), before any is built.
 */
function readNodeSpecs(
  reader: Reader,
  node: YamlNode,
  path: string,
  counted = true,
  room: number = MAX_SCENARIO_NODES,
): NodeSpec[] {
  // A node that joins in an event is one node: `count` belongs to the cluster's list only.
  const map = reader.map(
    node,
    path,
    counted
      ? ['name', 'count', 'labels', 'taints', 'unschedulable']
      : ['name', 'labels', 'taints', 'unschedulable'],
  );
  if (map === null) return [];
  const name = reader.string(map.get('name'), `${path}.name`);
  if (name === null) {
    if (!map.has('name')) reader.error(node.range, `${path}.name`, 'required');
    return [];
  }
  const labels: Record<string, string> = {};
  const labelMap = reader.map(map.get('labels') ?? null, `${path}.labels`, anyKey(map.get('labels')));
  for (const [key, value] of labelMap ?? []) {
    const text = reader.string(value, `${path}.labels.${key}`);
    if (text !== null) labels[key] = text;
  }
  const taints: TaintSpec[] = [];
  reader.list(map.get('taints'), `${path}.taints`).forEach((item, i) => {
    const taint = readTaint(reader, item, `${path}.taints[${i}]`);
    if (taint) taints.push(taint);
  });
  const unschedulable = reader.boolean(map.get('unschedulable'), `${path}.unschedulable`, false);
  const count = map.has('count')
    ? reader.integer(map.get('count'), `${path}.count`, 1, MAX_SCENARIO_NODES, 1)
    : null;
  if ((count ?? 1) > room) {
    reader.error(node.range, path, 'tooManyNodes', { limit: MAX_SCENARIO_NODES });
    return [];
  }
  const names = count === null ? [name] : Array.from({ length: count }, (_, i) => `${name}-${i + 1}`);
  return names.map((nodeName) => ({
    name: nodeName,
    labels: withStandardLabels(nodeName, labels),
    taints,
    unschedulable,
  }));
}

/** Every key of a mapping node, for maps whose keys are free (labels). */
function anyKey(node: YamlNode | undefined): string[] {
  const resolved = resolve(node);
  return resolved?.kind === 'map' ? resolved.entries.map((entry) => entry.key) : [];
}

function readTaint(reader: Reader, node: YamlNode, path: string): TaintSpec | null {
  const map = reader.map(node, path, ['key', 'value', 'effect']);
  if (map === null) return null;
  if (!map.has('key')) reader.error(node.range, `${path}.key`, 'required');
  if (!map.has('effect')) reader.error(node.range, `${path}.effect`, 'required');
  const key = reader.string(map.get('key'), `${path}.key`);
  const value = map.has('value') ? reader.string(map.get('value'), `${path}.value`) : '';
  const effect = reader.enumValue(map.get('effect'), `${path}.effect`, TAINT_EFFECTS, 'NoSchedule');
  return key === null ? null : { key, value: value ?? '', effect };
}

function readEvents(
  reader: Reader,
  node: YamlNode | undefined,
  startMs: number,
  initialNodes: readonly NodeSpec[],
): ScenarioEventSpec[] {
  const raw: { atMs: number; order: number; item: YamlNode; path: string; map: Map<string, YamlNode> }[] = [];
  reader.list(node, 'events').forEach((item, i) => {
    const path = `events[${i}]`;
    const map = reader.map(item, path, ['at', 'type', ...SCENARIO_EVENT_FIELDS]);
    if (map === null) return;
    const atNode = map.get('at');
    let atMs = 0;
    if (atNode === undefined) reader.error(item.range, `${path}.at`, 'required');
    else atMs = readTime(reader, atNode, `${path}.at`, startMs);
    raw.push({ atMs, order: i, item, path, map });
  });
  // Events apply in time order; a stable sort keeps the written order for equal times.
  raw.sort((a, b) => a.atMs - b.atMs || a.order - b.order);
  const nodeNames = new Set(initialNodes.map((spec) => spec.name));
  const events: ScenarioEventSpec[] = [];
  for (const { atMs, item, path, map } of raw) {
    const event = readEvent(reader, item, path, map, atMs, nodeNames);
    if (event) events.push(event);
  }
  return events;
}

function readTime(reader: Reader, node: YamlNode, path: string, startMs: number): number {
  const value = reader.scalar(node);
  const offset = parseDurationMs(value);
  if (offset !== null && offset <= MAX_DURATION_MS) return offset;
  const instant = parseInstantMs(value);
  if (instant !== null) {
    if (instant < startMs) reader.error(node.range, path, 'beforeStart');
    return Math.max(0, instant - startMs);
  }
  reader.error(node.range, path, 'badTime', { value: String(value ?? node.kind) });
  return 0;
}

/** A field's value as read: undefined when it is absent, null when it is there but unusable. */
type FieldValue = string | number | TaintSpec | NodeSpec | Record<string, string | null> | null | undefined;

/** Reads one event field by its table entry, reporting what is wrong with it. */
function readEventField(
  reader: Reader,
  item: YamlNode,
  path: string,
  map: Map<string, YamlNode>,
  field: ScenarioEventField,
  nodeNames: Set<string>,
): FieldValue {
  const node = map.get(field.name);
  const fieldPath = `${path}.${field.name}`;
  if (node === undefined) {
    if (field.required) reader.error(item.range, fieldPath, 'required');
    return undefined;
  }
  const type = field.type;
  switch (type.kind) {
    case 'existingNode': {
      const name = reader.string(node, fieldPath) ?? '';
      if (!nodeNames.has(name)) reader.error(node.range, fieldPath, 'unknownNode', { node: name });
      return name;
    }
    case 'newNode': {
      // `node: name` is shorthand for a plain worker with that name.
      const spec =
        node.kind === 'scalar'
          ? (() => {
              const name = reader.string(node, fieldPath) ?? '';
              return { name, labels: withStandardLabels(name, {}), taints: [], unschedulable: false };
            })()
          : readNodeSpecs(reader, node, fieldPath, false)[0];
      if (!spec) return null;
      if (nodeNames.has(spec.name)) reader.error(node.range, fieldPath, 'duplicateNode', { node: spec.name });
      return spec;
    }
    case 'string':
      return reader.string(node, fieldPath);
    case 'integer':
      return reader.integer(node, fieldPath, type.min, type.max, type.min);
    case 'enum':
      return reader.enumValue(node, fieldPath, type.values, type.values[0] ?? '');
    case 'taint':
      return readTaint(reader, node, fieldPath);
    case 'labels': {
      const labels: Record<string, string | null> = {};
      if (node.kind !== 'map') {
        reader.error(node.range, fieldPath, 'notMap');
        return labels;
      }
      for (const entry of node.entries) {
        const value = resolve(entry.value);
        labels[entry.key] = value === null ? null : reader.string(value, `${fieldPath}.${entry.key}`);
      }
      return labels;
    }
  }
}

function readEvent(
  reader: Reader,
  item: YamlNode,
  path: string,
  map: Map<string, YamlNode>,
  atMs: number,
  nodeNames: Set<string>,
): ScenarioEventSpec | null {
  const typeNode = map.get('type');
  if (typeNode === undefined) {
    reader.error(item.range, `${path}.type`, 'required');
    return null;
  }
  const type = reader.enumValue(typeNode, `${path}.type`, SCENARIO_EVENT_TYPES, 'suspend');
  if (reader.scalar(typeNode) !== type) return null;
  const line = reader.lineOf(item);
  const base = { atMs, line };
  // Each event type allows only its own fields (scenarioEvents.ts), so that a misplaced field is reported.
  const definition = scenarioEventDefinition(type);
  const allowed = definition.fields.map((field) => field.name);
  for (const key of map.keys()) {
    if (key !== 'at' && key !== 'type' && !allowed.includes(key)) {
      reader.error(map.get(key)?.range ?? item.range, `${path}.${key}`, 'unknownField', {
        allowed: ['at', 'type', ...allowed].join(', '),
      });
    }
  }
  const values = new Map<string, FieldValue>();
  const lastOfOneOf = definition.oneOf?.[definition.oneOf.length - 1];
  for (const field of definition.fields) {
    values.set(field.name, readEventField(reader, item, path, map, field, nodeNames));
    if (field.name === lastOfOneOf && definition.oneOf?.every((name) => (values.get(name) ?? null) === null))
      reader.error(item.range, path, 'emptySelector');
  }
  const text = (name: string): string | null => (values.get(name) as string | null | undefined) ?? null;
  const count = (name: string): number | null => (values.get(name) as number | undefined) ?? null;
  const selector = (): PodSelector => ({
    pod: count('pod'),
    podName: text('podName'),
    index: count('index'),
    node: text('node'),
    job: count('job'),
  });
  switch (type) {
    case 'addNode': {
      const spec = values.get('node') as NodeSpec | null | undefined;
      if (!spec) return null;
      nodeNames.add(spec.name);
      return { ...base, type, node: spec };
    }
    case 'removeNode': {
      const node = text('node') ?? '';
      nodeNames.delete(node);
      return { ...base, type, node };
    }
    case 'drainNode':
    case 'cordonNode':
    case 'uncordonNode':
      return { ...base, type, node: text('node') ?? '' };
    case 'taintNode': {
      const taint = values.get('taint') as TaintSpec | null | undefined;
      return taint ? { ...base, type, node: text('node') ?? '', taint } : null;
    }
    case 'untaintNode':
      return {
        ...base,
        type,
        node: text('node') ?? '',
        key: text('key') ?? '',
        effect: text('effect') as TaintSpec['effect'] | null,
      };
    case 'labelNode':
      return {
        ...base,
        type,
        node: text('node') ?? '',
        labels: (values.get('labels') as Record<string, string | null> | undefined) ?? {},
      };
    case 'disruptPod':
      return {
        ...base,
        type,
        selector: selector(),
        reason: (text('reason') ?? 'EvictionByEvictionAPI') as DisruptionReason,
      };
    case 'deletePod':
      return { ...base, type, selector: selector() };
    case 'changeTemplate':
    case 'suspend':
    case 'resume':
      return { ...base, type };
  }
}
