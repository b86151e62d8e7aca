/**
 * The JSON schema of scenario files (schemas/podline-scenario.schema.json, for editor completion
 * and validation through `yamlValidation`). The `events` part is generated from the event table
 * (scenarioEvents.ts): per type, its own fields, their types, ranges and required ones; the rest
 * of the format is written here. `npm run schemas:scenario` writes the file and a unit test fails
 * when the checked-in file differs.
 */

import { LIMIT_CAPS, MAX_SCENARIO_NODES, TAINT_EFFECTS, scenarioEventTable } from './scenarioEvents';
import type { ScenarioEventDefinition, ScenarioEventField } from './scenarioEvents';

/** A JSON schema, as plain data. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** Everything but the events. */
const scenarioSchemaBase = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://podline.dev/schemas/podline-scenario.schema.json',
  title: 'Podline simulation scenario',
  description:
    'What a manifest cannot say about a simulation: timings, exit codes, the cluster and timed events. See docs/scenarios.md.',
  type: 'object',
  additionalProperties: false,
  definitions: {
    duration: {
      description:
        'Seconds (90, 1.5) or a duration with units ms, s, m, h, d, w (500ms, 30s, 1m30s, 2h, 1d, 1w).',
      anyOf: [
        {
          type: 'number',
          minimum: 0,
        },
        {
          type: 'string',
          pattern: '^(\\d+(\\.\\d+)?|(\\d+(\\.\\d+)?(ms|s|m|h|d|w))+)$',
        },
      ],
    },
    time: {
      description: 'An offset from the scenario start (a duration) or an RFC 3339 instant.',
      anyOf: [
        {
          $ref: '#/definitions/duration',
        },
        {
          type: 'string',
          format: 'date-time',
        },
      ],
    },
    distribution: {
      description: 'A fixed duration, or {min, max} (uniform), or a named distribution.',
      anyOf: [
        {
          $ref: '#/definitions/duration',
        },
        {
          type: 'object',
          additionalProperties: false,
          properties: {
            distribution: {
              enum: ['fixed', 'uniform', 'normal', 'exponential'],
            },
            value: {
              $ref: '#/definitions/duration',
              description: 'fixed: the duration.',
            },
            min: {
              $ref: '#/definitions/duration',
              description: 'uniform: lower bound; normal/exponential: clamp.',
            },
            max: {
              $ref: '#/definitions/duration',
              description: 'uniform: upper bound; normal/exponential: clamp.',
            },
            mean: {
              $ref: '#/definitions/duration',
              description: 'normal and exponential: the mean.',
            },
            stddev: {
              $ref: '#/definitions/duration',
              description: 'normal: the standard deviation.',
            },
          },
        },
      ],
    },
    integerSet: {
      description: 'A number, a range such as "2-5", or a list of them.',
      anyOf: [
        {
          type: 'integer',
          minimum: 0,
        },
        {
          type: 'string',
          pattern: '^\\s*\\d+\\s*-\\s*\\d+\\s*$',
        },
        {
          type: 'array',
          items: {
            anyOf: [
              {
                type: 'integer',
                minimum: 0,
              },
              {
                type: 'string',
                pattern: '^\\s*\\d+\\s*-\\s*\\d+\\s*$',
              },
            ],
          },
        },
      ],
    },
    taint: {
      type: 'object',
      additionalProperties: false,
      required: ['key', 'effect'],
      properties: {
        key: {
          type: 'string',
        },
        value: {
          type: 'string',
        },
        effect: {
          enum: [...TAINT_EFFECTS],
        },
      },
    },
    node: {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: {
        name: {
          type: 'string',
          description: "The node's name; with count, the prefix of <name>-1 ... <name>-<count>.",
        },
        count: {
          type: 'integer',
          minimum: 1,
          maximum: MAX_SCENARIO_NODES,
          description: `Declares this many identical nodes (at most ${MAX_SCENARIO_NODES} nodes in all).`,
        },
        labels: {
          type: 'object',
          additionalProperties: {
            type: ['string', 'number', 'boolean'],
          },
        },
        taints: {
          type: 'array',
          items: {
            $ref: '#/definitions/taint',
          },
        },
        unschedulable: {
          type: 'boolean',
          description: 'Cordoned: adds node.kubernetes.io/unschedulable:NoSchedule.',
        },
      },
    },
  },
  properties: {
    document: {
      type: 'integer',
      minimum: 0,
      description:
        'The manifest document (0-based) this scenario is for, when one file holds scenarios for several documents.',
    },
    seed: {
      type: 'integer',
      minimum: 0,
      description: 'Seeds every random choice (pod names, drawn timings, probabilities). Default 1.',
    },
    start: {
      type: 'string',
      format: 'date-time',
      description: 'The instant of time 0 (RFC 3339). Default 2026-01-05T00:00:00Z.',
    },
    controllerTimeZone: {
      type: 'string',
      description: "The kube-controller-manager's zone, for CronJobs without spec.timeZone. Default UTC.",
    },
    horizon: {
      description: 'When the run stops even if something is still pending. A duration, or {duration, jobs}.',
      anyOf: [
        {
          $ref: '#/definitions/duration',
        },
        {
          type: 'object',
          additionalProperties: false,
          properties: {
            duration: {
              $ref: '#/definitions/duration',
            },
            jobs: {
              type: 'integer',
              minimum: 1,
              description:
                'CronJobs: stop once this many Jobs were created and have finished, or at the next schedule time.',
            },
          },
        },
      ],
    },
    limits: {
      type: 'object',
      additionalProperties: false,
      properties: {
        maxEvents: {
          type: 'integer',
          minimum: 1,
          maximum: LIMIT_CAPS.maxEvents,
          description: 'Stop (truncated) after this many simulation events. Default 3500000.',
        },
        maxDuration: {
          $ref: '#/definitions/duration',
          description: 'Stop (truncated) at this much virtual time. Default 400d.',
        },
        maxPods: {
          type: 'integer',
          minimum: 1,
          maximum: LIMIT_CAPS.maxPods,
          description: 'Stop (truncated) once this many pods were created. Default 600000.',
        },
        timelinePods: {
          type: 'integer',
          minimum: 0,
          maximum: LIMIT_CAPS.timelinePods,
          description: 'List at most this many pods (the first created). Default 1000.',
        },
        timelineEvents: {
          type: 'integer',
          minimum: 0,
          maximum: LIMIT_CAPS.timelineEvents,
          description: 'List at most this many events. Default 5000.',
        },
        timelineJobs: {
          type: 'integer',
          minimum: 0,
          maximum: LIMIT_CAPS.timelineJobs,
          description: 'List at most this many Jobs of a CronJob. Default 1000.',
        },
        statusSamples: {
          type: 'integer',
          minimum: 0,
          maximum: LIMIT_CAPS.statusSamples,
          description: 'Keep at most this many status samples per object. Default 5000.',
        },
      },
    },
    pods: {
      type: 'object',
      additionalProperties: false,
      properties: {
        startLatency: {
          $ref: '#/definitions/distribution',
          description: 'From binding to the container start, for every pod. Default 1s.',
        },
        runTime: {
          $ref: '#/definitions/distribution',
          description: 'How long each container run lasts. Default 10s.',
        },
        terminationTime: {
          $ref: '#/definitions/distribution',
          description:
            'How long a deleted pod takes to stop, at most its terminationGracePeriodSeconds. Default 1s.',
        },
        exitCodes: {
          type: 'array',
          description:
            'How container runs end; the first matching rule wins, and a run no rule matches exits 0.',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['exitCode'],
            properties: {
              exitCode: {
                type: 'integer',
                minimum: 0,
                maximum: 255,
              },
              container: {
                type: 'string',
                description: 'The container that exits (default: the first).',
              },
              probability: {
                type: 'number',
                minimum: 0,
                maximum: 1,
                description: 'The chance the rule applies when its filters match. Default 1.',
              },
              pods: {
                $ref: '#/definitions/integerSet',
                description: 'The n-th pod the Job created (1-based).',
              },
              indexes: {
                $ref: '#/definitions/integerSet',
                description: 'Completion indexes (Indexed Jobs).',
              },
              attempts: {
                $ref: '#/definitions/integerSet',
                description: 'The n-th pod for the same index (Indexed) or of the Job (NonIndexed), 1-based.',
              },
              restarts: {
                $ref: '#/definitions/integerSet',
                description:
                  'The container run inside one pod: 0 first, 1 after the first restart (OnFailure).',
              },
              jobs: {
                $ref: '#/definitions/integerSet',
                description: 'The n-th Job of a CronJob (1-based).',
              },
              runTime: {
                $ref: '#/definitions/distribution',
                description: 'How long the matching run lasts.',
              },
              conditions: {
                type: 'array',
                items: {
                  type: 'string',
                },
                description: 'Pod condition types (status True) added when the run fails the pod.',
              },
            },
          },
        },
      },
    },
    controller: {
      type: 'object',
      additionalProperties: false,
      properties: {
        jobBackoffCap: {
          $ref: '#/definitions/duration',
          description: 'The cap of the Job pod-failure backoff. Default 10m (current code; the docs say 6m).',
        },
        podGcDelay: {
          $ref: '#/definitions/duration',
          description: 'How long after a node is deleted its pods are garbage-collected. Default 40s.',
        },
      },
    },
    nodes: {
      type: 'array',
      description:
        'The cluster. Default: control-plane (tainted node-role.kubernetes.io/control-plane:NoSchedule), worker-1, worker-2.',
      items: {
        $ref: '#/definitions/node',
      },
    },
  },
};

/** The schema of one field's value, without its description. */
function fieldSchema(field: ScenarioEventField): JsonSchema {
  const type = field.type;
  switch (type.kind) {
    case 'existingNode':
    case 'string':
      return { type: 'string' };
    case 'newNode':
      return { anyOf: [{ type: 'string' }, { $ref: '#/definitions/joiningNode' }] };
    case 'integer':
      return { type: 'integer', minimum: type.min, maximum: type.max };
    case 'enum':
      return { enum: [...type.values], ...(type.default === undefined ? {} : { default: type.default }) };
    case 'taint':
      return { $ref: '#/definitions/taint' };
    case 'labels':
      return { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean', 'null'] } };
  }
}

/** What an event type does, and for which kinds when not for all. */
function eventDescription(event: ScenarioEventDefinition): string {
  return event.kinds.length === 3
    ? event.description
    : `${event.description} (${event.kinds.join(', ')} only)`;
}

/**
 * The properties any event may have, for completion: each field name once, its schema the one
 * every type gives it (or any of them), its description naming the types when they differ.
 */
function unionProperties(events: readonly ScenarioEventDefinition[]): Record<string, JsonSchema> {
  const byName = new Map<string, { schemas: Map<string, JsonSchema>; descriptions: Map<string, string[]> }>();
  for (const event of events) {
    for (const field of event.fields) {
      const entry = byName.get(field.name) ?? {
        schemas: new Map<string, JsonSchema>(),
        descriptions: new Map<string, string[]>(),
      };
      const schema = fieldSchema(field);
      entry.schemas.set(JSON.stringify(schema), schema);
      entry.descriptions.set(field.description, [
        ...(entry.descriptions.get(field.description) ?? []),
        event.type,
      ]);
      byName.set(field.name, entry);
    }
  }
  const properties: Record<string, JsonSchema> = {};
  for (const [name, { schemas, descriptions }] of byName) {
    // One schema, or any of them (flattened, so that `anyOf` does not nest).
    const alternatives = [...schemas.values()].flatMap((schema) =>
      Array.isArray(schema['anyOf']) ? (schema['anyOf'] as JsonSchema[]) : [schema],
    );
    const unique = [...new Map(alternatives.map((schema) => [JSON.stringify(schema), schema])).values()];
    const schema = unique.length === 1 ? unique[0] : { anyOf: unique };
    const description =
      descriptions.size === 1
        ? [...descriptions.keys()][0]
        : [...descriptions].map(([text, types]) => `${types.join(', ')}: ${text}`).join(' ');
    properties[name] = { ...schema, description };
  }
  return properties;
}

/** The `if type is X then only X's fields` rule of one event type. */
function eventRule(event: ScenarioEventDefinition): JsonSchema {
  const required = event.fields.filter((field) => field.required).map((field) => field.name);
  const properties: Record<string, unknown> = { at: true, type: true };
  for (const field of event.fields)
    properties[field.name] = { ...fieldSchema(field), description: field.description };
  return {
    if: { properties: { type: { const: event.type } }, required: ['type'] },
    then: {
      description: eventDescription(event),
      properties,
      additionalProperties: false,
      ...(required.length > 0 ? { required } : {}),
      ...(event.oneOf ? { anyOf: event.oneOf.map((name) => ({ required: [name] })) } : {}),
    },
  };
}

/** The `events` property, from the event table. */
function eventsSchema(): JsonSchema {
  const events: readonly ScenarioEventDefinition[] = scenarioEventTable;
  return {
    type: 'array',
    description: 'Timed changes, applied in time order; events at the same time apply in the order written.',
    items: {
      type: 'object',
      required: ['at', 'type'],
      properties: {
        at: { $ref: '#/definitions/time' },
        type: {
          enum: events.map((event) => event.type),
          enumDescriptions: events.map(eventDescription),
        },
        ...unionProperties(events),
      },
      allOf: events.map(eventRule),
    },
  };
}

/** The whole schema of a scenario file. */
export function scenarioJsonSchema(): JsonSchema {
  return {
    ...scenarioSchemaBase,
    definitions: { ...scenarioSchemaBase.definitions, joiningNode: joiningNodeSchema() },
    properties: { ...scenarioSchemaBase.properties, events: eventsSchema() },
  };
}

/** A node that joins in an `addNode` event: one node, so no `count`. */
function joiningNodeSchema(): JsonSchema {
  const node = scenarioSchemaBase.definitions.node;
  const properties = Object.fromEntries(Object.entries(node.properties).filter(([name]) => name !== 'count'));
  return { ...node, properties };
}
