/**
 * The scenario's event table (scenarioEvents.ts) is the one source of the parser's per-type
 * checks, the kind filter, the simulation panel's choices and the JSON schema: each is checked
 * against the table here, one case per event type and field.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { FORM_EVENT_TYPES, buildScenarioYaml, defaultFormValues } from '../../client/webview/scenarioYaml';
import { simulateDocument } from '../../server/src/core/simulator';
import { parseScenario } from '../../server/src/core/simulator/parseScenario';
import {
  SCENARIO_EVENT_TYPES,
  eventAppliesTo,
  formEventTypes,
  formTarget,
  scenarioEventTable,
} from '../../server/src/core/simulator/scenarioEvents';
import type {
  ScenarioEventDefinition,
  ScenarioEventField,
  SimulatedKind,
} from '../../server/src/core/simulator/scenarioEvents';
import { cronJobManifest, daemonSetManifest, jobManifest } from './simulatorSupport';
import type { Json } from './simulatorSupport';

const root = join(__dirname, '..', '..', '..');
const table: readonly ScenarioEventDefinition[] = scenarioEventTable;
const kinds: readonly SimulatedKind[] = ['Job', 'CronJob', 'DaemonSet'];

/** A valid value for a field. */
function validValue(field: ScenarioEventField): Json {
  switch (field.type.kind) {
    case 'existingNode':
      return 'worker-1';
    case 'newNode':
      return 'worker-9';
    case 'string':
      return field.name === 'node' ? 'worker-1' : 'x';
    case 'integer':
      return field.type.min;
    case 'enum':
      return field.type.values[0] ?? '';
    case 'taint':
      return { key: 'k', effect: 'NoSchedule' };
    case 'labels':
      return { tier: 'batch' };
  }
}

/** The smallest valid event of a type: its required fields, and the first of a one-of group. */
function minimalEvent(event: ScenarioEventDefinition): Record<string, Json> {
  const result: Record<string, Json> = { at: '1s', type: event.type };
  for (const field of event.fields)
    if (field.required || field.name === event.oneOf?.[0]) result[field.name] = validValue(field);
  return result;
}

const scenarioOf = (...events: Json[]): string => JSON.stringify({ events });
const errorsOf = (text: string): { path: string; message: string }[] => {
  const result = parseScenario(text, 0, 'en');
  return result.ok ? [] : result.errors.map(({ path, message }) => ({ path, message }));
};

for (const event of table) {
  test(`${event.type}: the parser takes its minimal event and checks each field as the table says`, () => {
    assert.deepEqual(errorsOf(scenarioOf(minimalEvent(event))), []);
    const allowed = ['at', 'type', ...event.fields.map((field) => field.name)].join(', ');
    const stranger = table
      .flatMap((other) => other.fields)
      .find((field) => !allowed.split(', ').includes(field.name));
    if (stranger) {
      assert.deepEqual(
        errorsOf(scenarioOf({ ...minimalEvent(event), [stranger.name]: validValue(stranger) })),
        [
          {
            path: `events[0].${stranger.name}`,
            message: `unknown field 'events[0].${stranger.name}'; expected one of: ${allowed}`,
          },
        ],
      );
    }
    for (const field of event.fields) {
      const path = `events[0].${field.name}`;
      if (field.required) {
        const rest = minimalEvent(event);
        delete rest[field.name];
        assert.ok(
          errorsOf(scenarioOf(rest)).some(
            (error) => error.path === path && error.message === `${path} is required`,
          ),
          `${path} is required`,
        );
      }
      const type = field.type;
      if (type.kind === 'integer') {
        assert.ok(
          errorsOf(scenarioOf({ ...minimalEvent(event), [field.name]: type.min - 1 })).some(
            (error) =>
              error.message ===
              `${path} must be a whole number from ${type.min} to ${type.max}, not ${type.min - 1}`,
          ),
          `${path} range`,
        );
      }
      if (type.kind === 'enum') {
        assert.deepEqual(errorsOf(scenarioOf({ ...minimalEvent(event), [field.name]: 'Other' })), [
          { path, message: `${path} must be one of ${type.values.join(', ')}, not 'Other'` },
        ]);
      }
    }
    if (event.oneOf) {
      const bare = Object.fromEntries(
        Object.entries(minimalEvent(event)).filter(([key]) => !event.oneOf?.includes(key)),
      );
      assert.deepEqual(errorsOf(scenarioOf(bare)), [
        { path: 'events[0]', message: 'events[0] must name the pods: pod, podName, index, node or job' },
      ]);
    }
  });
}

const manifests: Record<SimulatedKind, Json> = {
  Job: jobManifest({}),
  CronJob: cronJobManifest({ schedule: '*/5 * * * *' }),
  DaemonSet: daemonSetManifest({}),
};

test('the simulator refuses exactly the events the table does not give a kind', () => {
  for (const event of table) {
    for (const kind of kinds) {
      const result = simulateDocument(JSON.stringify(manifests[kind]), {
        scenarioText: JSON.stringify({ horizon: '1h', events: [minimalEvent(event)] }),
      });
      const refused =
        !result.ok && result.error.kind === 'workload' && /does not apply/.test(result.error.message);
      assert.equal(refused, !event.kinds.includes(kind), `${event.type} for a ${kind}`);
      if (!refused)
        assert.ok(result.ok, `${event.type} for a ${kind}: ${JSON.stringify(result.ok || result.error)}`);
    }
  }
});

test('the panel offers the table’s form events, only for the kinds that take them, and writes valid events', () => {
  assert.deepEqual(
    [...FORM_EVENT_TYPES].sort(),
    table
      .filter((event) => event.form)
      .map((event) => event.type)
      .sort(),
  );
  for (const kind of kinds) {
    for (const type of formEventTypes(kind)) assert.ok(eventAppliesTo(type, kind), `${type} for a ${kind}`);
    assert.ok(formEventTypes(kind).length > 0);
  }
  assert.ok(!formEventTypes('DaemonSet').some((type) => type === 'suspend' || type === 'resume'));
  for (const type of FORM_EVENT_TYPES) {
    const target = formTarget(type);
    const values = {
      ...defaultFormValues(1),
      events: [{ at: '30s', type, target: target === 'pod' ? '1' : target === 'node' ? 'worker-1' : '' }],
    };
    const built = buildScenarioYaml(values, null);
    assert.ok(built.ok, type);
    assert.deepEqual(errorsOf(built.yaml), [], `${type}:\n${built.yaml}`);
  }
});

test('schemas/podline-scenario.schema.json is generated from the table (run `npm run schemas:scenario`)', () => {
  const result = spawnSync(
    process.execPath,
    [join(root, 'scripts', 'generateScenarioSchema.mjs'), '--check'],
    {
      encoding: 'utf8',
    },
  );
  assert.equal(result.status, 0, result.stderr);
});

test('the schema gives each event type its own fields and required ones', () => {
  type Rule = {
    if: { properties: { type: { const: string } } };
    then: { properties: Record<string, unknown>; required?: string[]; additionalProperties: boolean };
  };
  const schema = JSON.parse(readFileSync(join(root, 'schemas', 'podline-scenario.schema.json'), 'utf8')) as {
    properties: { events: { items: { properties: { type: { enum: string[] } }; allOf: Rule[] } } };
  };
  const items = schema.properties.events.items;
  assert.deepEqual(items.properties.type.enum, SCENARIO_EVENT_TYPES);
  assert.deepEqual(
    items.allOf.map((rule) => rule.if.properties.type.const),
    SCENARIO_EVENT_TYPES,
  );
  for (const [i, event] of table.entries()) {
    const then = items.allOf[i]?.then;
    assert.deepEqual(Object.keys(then?.properties ?? {}), [
      'at',
      'type',
      ...event.fields.map((field) => field.name),
    ]);
    const required = event.fields.filter((field) => field.required).map((field) => field.name);
    assert.deepEqual(then?.required ?? [], required, event.type);
    assert.equal(then?.additionalProperties, false);
  }
});

test('docs/scenarios.md describes every event type', () => {
  const docs = readFileSync(join(root, 'docs', 'scenarios.md'), 'utf8');
  const section = docs.slice(docs.indexOf('### Events'), docs.indexOf('### When a run ends'));
  for (const type of SCENARIO_EVENT_TYPES) assert.ok(section.includes(`\`${type}\``), type);
});
