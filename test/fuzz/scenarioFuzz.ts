/**
 * Random simulation scenarios for the fuzzer: every part of the format (docs/scenarios.md) and
 * every event type of the scenario table. Most scenarios use values that fit, at and up to each
 * limit, so that the simulation runs; one in four is hostile and mixes in wrong types, values
 * past the limits and hostile strings, so that the parser's errors are exercised too. Written as
 * JSON (a YAML subset), then sometimes mutated as text like the manifests. Deterministic for a
 * random stream.
 */
import { LIMIT_CAPS, scenarioEventTable } from '../../server/src/core/simulator/scenarioEvents';
import type { ScenarioFieldType } from '../../server/src/core/simulator/scenarioEvents';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A random stream, and whether the scenario being made is hostile. */
interface Maker {
  readonly random: () => number;
  readonly hostile: boolean;
}

/** One of the values that fit, or in a hostile scenario one of those and the wrong ones. */
function choose<T>(maker: Maker, fitting: readonly T[], wrong: readonly T[] = []): T {
  const items = maker.hostile ? [...fitting, ...wrong] : fitting;
  return items[Math.floor(maker.random() * items.length)] as T;
}

function chance(maker: Maker, p: number): boolean {
  return maker.random() < p;
}

const hostileStrings: Json[] = [
  '',
  'x'.repeat(300),
  '\u202eevil',
  '\u0000',
  '::error file=a::forged',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '😀',
  7,
];

const durations: Json[] = ['0s', '1s', '500ms', '30s', '5m', '1h', 90, 1.5];
const wrongDurations: Json[] = [-1, '1y', 'soon', 1e308, null, '1d', '7d'];

/** A random scenario, as text. */
export function randomScenario(random: () => number): string {
  const maker: Maker = { random, hostile: random() < 0.25 };
  const scenario: Record<string, Json> = {};
  if (chance(maker, 0.7))
    scenario['seed'] = choose<Json>(maker, [1, 42, 2 ** 31 - 1, 2 ** 53 - 1], [-1, 2 ** 53, 1.5, 'seven']);
  if (chance(maker, 0.3)) {
    scenario['start'] = choose<Json>(
      maker,
      ['2026-01-05T00:00:00Z', '2026-03-29T00:59:00Z', '2026-11-01T05:30:00Z', '0050-01-01T00:00:00Z'],
      ['yesterday', 0, '2026-13-01T00:00:00Z'],
    );
  }
  if (chance(maker, 0.2))
    scenario['controllerTimeZone'] = choose<Json>(
      maker,
      ['UTC', 'Europe/London', 'Asia/Shanghai'],
      ['Mars/Olympus', 3],
    );
  if (chance(maker, 0.6)) {
    scenario['horizon'] = chance(maker, 0.7)
      ? choose<Json>(maker, ['10m', '1h', '6h', '1d', '3d', 30], ['forever', -1])
      : { duration: choose<Json>(maker, ['1h', '2d']), jobs: choose<Json>(maker, [1, 5, 50], [0, -3]) };
  }
  if (chance(maker, 0.3)) {
    const limits: Record<string, Json> = {};
    for (const [name, cap] of Object.entries(LIMIT_CAPS)) {
      if (chance(maker, 0.3))
        limits[name] = choose<Json>(maker, [1, 10, 100, cap], [0, cap + 1, 1e9, -1, 'many']);
    }
    if (chance(maker, 0.3)) limits['maxDuration'] = choose(maker, ['1h', '1d', '30d'], wrongDurations);
    if (maker.hostile && chance(maker, 0.1)) limits['unknownLimit'] = 1;
    scenario['limits'] = limits;
  }
  if (chance(maker, 0.7)) scenario['pods'] = randomPods(maker);
  if (chance(maker, 0.2)) {
    scenario['controller'] = {
      jobBackoffCap: choose(maker, ['10s', '1m', '10m'], wrongDurations),
      podGcDelay: choose(maker, ['0s', '40s'], wrongDurations),
    };
  }
  if (chance(maker, 0.4)) {
    scenario['nodes'] = Array.from({ length: 1 + Math.floor(random() * 4) }, (_, index) =>
      randomNode(maker, index),
    );
  }
  if (chance(maker, 0.8))
    scenario['events'] = Array.from({ length: Math.floor(random() * 12) }, () => randomEvent(maker));
  if (maker.hostile && chance(maker, 0.1)) scenario[choose(maker, ['unknown', 'event', 'pod'])] = true;
  return JSON.stringify(scenario, null, chance(maker, 0.5) ? 2 : undefined);
}

function randomPods(maker: Maker): Json {
  const distribution = (): Json =>
    choose<Json>(
      maker,
      [
        choose(maker, durations),
        { min: '1s', max: '30s' },
        { distribution: 'normal', mean: '10s', stddev: '3s' },
        { distribution: 'exponential', mean: '5s', max: '1m' },
        { distribution: 'fixed', value: '2s' },
      ],
      [{ min: '30s', max: '1s' }, { distribution: 'cauchy' }, ...wrongDurations],
    );
  const set = (): Json => choose<Json>(maker, [1, 3, '2-5', [1, '3-4']], ['5-2', -1, 'all']);
  const rule = (): Json => {
    const rule: Record<string, Json> = {
      exitCode: choose<Json>(maker, [0, 1, 42, 137, 255], [256, -1, 'x']),
    };
    if (chance(maker, 0.3))
      rule['container'] = choose<Json>(maker, ['main', 'pi', 'sidecar'], hostileStrings);
    if (chance(maker, 0.3)) rule['pods'] = set();
    if (chance(maker, 0.2)) rule['indexes'] = set();
    if (chance(maker, 0.2)) rule['attempts'] = set();
    if (chance(maker, 0.1)) rule['restarts'] = set();
    if (chance(maker, 0.1)) rule['jobs'] = set();
    if (chance(maker, 0.3)) rule['probability'] = choose<Json>(maker, [0, 0.2, 0.5, 1], [1.5, -0.1]);
    if (chance(maker, 0.2)) rule['runTime'] = distribution();
    return rule;
  };
  const pods: Record<string, Json> = {};
  if (chance(maker, 0.5)) pods['startLatency'] = distribution();
  if (chance(maker, 0.7)) pods['runTime'] = distribution();
  if (chance(maker, 0.3)) pods['terminationTime'] = distribution();
  if (chance(maker, 0.6))
    pods['exitCodes'] = Array.from({ length: 1 + Math.floor(maker.random() * 3) }, rule);
  return pods;
}

function randomNode(maker: Maker, index: number): Json {
  // The first entry declares worker-1, worker-2, ...: the names the events use.
  const node: Record<string, Json> = {
    name:
      index === 0
        ? 'worker'
        : choose<Json>(maker, [`gpu${index}`, `edge${index}`], ['worker-1', ...hostileStrings]),
  };
  if (index === 0) node['count'] = choose<Json>(maker, [2, 3, 50, 500], [0, -2, 1e7]);
  else if (chance(maker, 0.4)) node['count'] = choose<Json>(maker, [1, 3], [0, -2]);
  if (chance(maker, 0.4)) {
    node['labels'] = {
      disktype: 'ssd',
      [choose(maker, ['zone', 'example.com/pool'], ['', 'a b'])]: choose<Json>(maker, ['x'], [1, null]),
    };
  }
  if (chance(maker, 0.4)) node['taints'] = [randomTaint(maker)];
  if (chance(maker, 0.2)) node['unschedulable'] = choose<Json>(maker, [true, false], ['yes']);
  return node;
}

function randomTaint(maker: Maker): Json {
  return {
    key: choose<Json>(
      maker,
      ['gpu', 'node-role.kubernetes.io/control-plane', 'node.kubernetes.io/unschedulable', 'dedicated'],
      [''],
    ),
    ...(chance(maker, 0.5) ? { value: choose<Json>(maker, ['true', 'a'], ['', 3]) } : {}),
    effect: choose<Json>(maker, ['NoSchedule', 'PreferNoSchedule', 'NoExecute'], ['Sometimes']),
  };
}

function randomEvent(maker: Maker): Json {
  const definition = choose(maker, scenarioEventTable);
  const event: Record<string, Json> = {
    at: choose<Json>(
      maker,
      ['0s', '5s', '30s', '2m', '1h', '12h', 45],
      ['2026-01-05T00:10:00Z', '2025-01-01T00:00:00Z', -5, 'later'],
    ),
    type: maker.hostile && chance(maker, 0.05) ? 'explode' : definition.type,
  };
  for (const field of definition.fields) {
    if (field.required ? maker.hostile && chance(maker, 0.05) : !chance(maker, 0.4)) continue;
    event[field.name] = randomField(maker, field.type);
  }
  if (maker.hostile && chance(maker, 0.05)) event['extra'] = 1;
  return event;
}

function randomField(maker: Maker, type: ScenarioFieldType): Json {
  switch (type.kind) {
    case 'existingNode':
    case 'string':
      return choose<Json>(maker, ['worker-1', 'worker-2', 'control-plane'], ['worker-9', ...hostileStrings]);
    case 'newNode':
      return chance(maker, 0.5)
        ? choose<Json>(maker, ['joiner-1', 'joiner-2'], ['worker-1', ''])
        : randomNode(maker, 9);
    case 'integer':
      return choose<Json>(maker, [type.min, type.min + 1, 2, 5], [type.max, type.max + 1, -1, 1.5, 'three']);
    case 'enum':
      return choose<Json>(maker, type.values, ['Other', 3]);
    case 'taint':
      return randomTaint(maker);
    case 'labels':
      return {
        disktype: choose<Json>(maker, ['ssd', null], [5]),
        [choose(maker, ['gpu', 'example.com/x'], ['', 'a b'])]: 'true',
      };
  }
}
