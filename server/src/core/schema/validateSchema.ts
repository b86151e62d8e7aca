import { kubernetesSources } from '../findings/codeDoc';
import type { CodeDocs } from '../findings/codeDoc';
import type { ApiErrorType } from '../findings/finding';
import { formatMessage } from '../l10n';
import type { Locale, MessageArgs } from '../l10n';
import type { RuleReport } from '../findings/finding';
import type { OffsetRange } from '../text/offsetRange';
import type { Workload, WorkloadKind } from '../workload/recognizeWorkload';
import { childPath, getEntry, indexPath } from '../yaml/yamlModel';
import type { YamlMap, YamlMapEntry, YamlNode, YamlScalar } from '../yaml/yamlModel';
import { schemaDefinitions, schemaDescriptions, schemaRoots, schemaVersions } from './data/schemaData';
import type { SchemaFieldRow } from './data/schemaData';
import type { KubernetesVersion } from './kubernetesVersions';
import { schemaMessages } from './schemaMessages';

/*
 * Schema validation: what the API server's strict decoder rejects before any validation rule
 * runs (unknown fields, values of the wrong JSON type, int32/int64 overflow, malformed
 * quantities and times), plus the enum and required-field checks of the validation code that
 * follow directly from the schema, and removed API versions.
 *
 * How a manifest reaches the decoder: kubectl turns YAML into JSON with sigs.k8s.io/yaml, whose
 * YAML 1.1 reading makes unquoted `yes`/`on` booleans and `0777` an octal number, and which does
 * not coerce them back to strings for string fields. The decoder (sigs.k8s.io/json) then
 * requires exact JSON types: a quoted "3" for an int32 is `cannot unmarshal string into Go struct
 * field ... of type int32`, `true` for a string is `cannot unmarshal bool ...`.
 *
 * `null` is accepted everywhere and means "not set": Go's JSON decoder leaves a field untouched
 * on null (and sets pointers, slices and maps to nil), and Quantity, IntOrString and Time decode
 * null as their zero value. The upstream JSON schemas that mark fields nullable agree; what
 * follows from a field being unset (for example `image: null` then failing "Required") is the
 * validation rules' business, and the required-field check below treats null as missing.
 */

/** Removed API versions of Podline's kinds: where they went and when. */
const removedApiVersions: Readonly<
  Record<WorkloadKind, Readonly<Record<string, { removedIn: string; replacement: string }>>>
> = {
  Job: {},
  CronJob: {
    'batch/v1beta1': { removedIn: '1.25', replacement: 'batch/v1' },
    'batch/v2alpha1': { removedIn: '1.21', replacement: 'batch/v1' },
  },
  DaemonSet: {
    'extensions/v1beta1': { removedIn: '1.16', replacement: 'apps/v1' },
    'apps/v1beta2': { removedIn: '1.16', replacement: 'apps/v1' },
  },
};

/**
 * Enums the API server enforces (with the error type it uses), keyed `definition.field`. Others
 * are left out on purpose: restartPolicy, completionMode, concurrencyPolicy, the DaemonSet
 * update strategy type, podReplacementPolicy, podFailurePolicy action and operator, and
 * toleration operator and effect are checked by hand-written rules with their exact messages;
 * Lifecycle.stopSignal is behind an alpha feature gate; OpenAPI enums not listed here are only
 * documentation. An empty string is not checked: for most of these the API server defaults it.
 */
const enforcedEnums: ReadonlyMap<string, ApiErrorType> = new Map<string, ApiErrorType>([
  ['core.v1.Container.imagePullPolicy', 'NotSupported'],
  ['core.v1.Container.terminationMessagePolicy', 'NotSupported'],
  ['core.v1.ContainerPort.protocol', 'NotSupported'],
  ['core.v1.HTTPGetAction.scheme', 'NotSupported'],
  ['core.v1.HostPathVolumeSource.type', 'NotSupported'],
  ['core.v1.ImageVolumeSource.pullPolicy', 'NotSupported'],
  ['core.v1.PersistentVolumeClaimSpec.accessModes', 'NotSupported'],
  ['core.v1.PersistentVolumeClaimSpec.volumeMode', 'NotSupported'],
  ['core.v1.PodSecurityContext.fsGroupChangePolicy', 'NotSupported'],
  ['core.v1.PodSecurityContext.supplementalGroupsPolicy', 'NotSupported'],
  ['core.v1.PodSpec.dnsPolicy', 'NotSupported'],
  ['core.v1.PodSpec.preemptionPolicy', 'NotSupported'],
  ['core.v1.SeccompProfile.type', 'NotSupported'],
  ['core.v1.AppArmorProfile.type', 'NotSupported'],
  ['core.v1.SecurityContext.procMount', 'NotSupported'],
  ['core.v1.TopologySpreadConstraint.whenUnsatisfiable', 'NotSupported'],
  ['core.v1.TopologySpreadConstraint.nodeAffinityPolicy', 'NotSupported'],
  ['core.v1.TopologySpreadConstraint.nodeTaintsPolicy', 'NotSupported'],
  ['core.v1.VolumeMount.mountPropagation', 'NotSupported'],
  ['core.v1.AzureDiskVolumeSource.cachingMode', 'NotSupported'],
  ['core.v1.AzureDiskVolumeSource.kind', 'NotSupported'],
  // validateNodeSelectorRequirement says Invalid: "not a valid selector operator".
  ['core.v1.NodeSelectorRequirement.operator', 'Invalid'],
]);

/**
 * Schema-required fields for which the API server reports `Required` at the field itself when it
 * is missing, null or empty. Other schema-required fields are left out because the API server
 * reports something else: containers and container name/image (hand-written pod rules), a
 * missing selector or template (reported elsewhere), ports and weights (Invalid ranges),
 * selector operators (Invalid), onPodConditions status (defaulted to True), and so on.
 */
const enforcedRequired: ReadonlySet<string> = new Set([
  'core.v1.Volume.name',
  'core.v1.VolumeMount.name',
  'core.v1.VolumeMount.mountPath',
  'core.v1.VolumeDevice.name',
  'core.v1.VolumeDevice.devicePath',
  'core.v1.EnvVar.name',
  'core.v1.ConfigMapKeySelector.key',
  'core.v1.SecretKeySelector.key',
  'core.v1.ObjectFieldSelector.fieldPath',
  'core.v1.ResourceFieldSelector.resource',
  'core.v1.KeyToPath.key',
  'core.v1.KeyToPath.path',
  'core.v1.DownwardAPIVolumeFile.path',
  'core.v1.HostPathVolumeSource.path',
  'core.v1.ContainerPort.containerPort',
  'core.v1.PodAffinityTerm.topologyKey',
  'core.v1.TopologySpreadConstraint.topologyKey',
  'core.v1.NodeSelector.nodeSelectorTerms',
  'core.v1.PodResourceClaim.name',
  'core.v1.PersistentVolumeClaimVolumeSource.claimName',
  'core.v1.CSIVolumeSource.driver',
  'core.v1.NFSVolumeSource.server',
  'core.v1.NFSVolumeSource.path',
  'core.v1.Sysctl.name',
]);

/** A walk visits at most this many nodes per document, so aliases cannot make it explode. */
const maxVisitsPerDocument = 200_000;

// ---------------------------------------------------------------------------------------------
// The schema data, indexed on first use.

type SchemaType =
  | { readonly kind: 'scalar'; readonly name: ScalarTypeName }
  | { readonly kind: 'definition'; readonly name: string }
  | { readonly kind: 'array'; readonly items: SchemaType }
  | { readonly kind: 'map'; readonly values: SchemaType };

type ScalarTypeName =
  | 'string'
  | 'boolean'
  | 'int32'
  | 'int64'
  | 'integer'
  | 'number'
  | 'IntOrString'
  | 'Quantity'
  | 'Time'
  | 'object';

const scalarTypeNames: ReadonlySet<string> = new Set<ScalarTypeName>([
  'string',
  'boolean',
  'int32',
  'int64',
  'integer',
  'number',
  'IntOrString',
  'Quantity',
  'Time',
  'object',
]);

/** One row of a field, ready for the walk. */
interface CompiledRow {
  readonly row: SchemaFieldRow;
  readonly type: SchemaType;
  /** Set when the API server enforces the row's enum. */
  readonly enumCheck: EnumCheck | undefined;
}

interface EnumCheck {
  readonly values: readonly string[];
  readonly type: ApiErrorType;
}

/** A definition's fields by name, and the required fields the API server reports as Required. */
interface CompiledDefinition {
  readonly fields: ReadonlyMap<string, readonly CompiledRow[]>;
  readonly enforcedRequired: readonly string[];
}

let compiledDefinitions: Map<string, CompiledDefinition> | undefined;
const typeCache = new Map<string, SchemaType>();

function definitionFields(definition: string): CompiledDefinition | undefined {
  if (!compiledDefinitions) {
    compiledDefinitions = new Map();
    for (const [name, rows] of Object.entries(schemaDefinitions)) {
      const fields = new Map<string, CompiledRow[]>();
      for (const row of rows) {
        const enforcedEnum = enforcedEnums.get(`${name}.${row[0]}`);
        const compiled: CompiledRow = {
          row,
          type: parseType(row[3]),
          enumCheck:
            enforcedEnum && row[5] !== undefined
              ? { values: row[5].split('|'), type: enforcedEnum }
              : undefined,
        };
        const list = fields.get(row[0]);
        if (list) list.push(compiled);
        else fields.set(row[0], [compiled]);
      }
      const enforced = [...fields.keys()].filter((field) => enforcedRequired.has(`${name}.${field}`));
      compiledDefinitions.set(name, { fields, enforcedRequired: enforced });
    }
  }
  return compiledDefinitions.get(definition);
}

function parseType(text: string): SchemaType {
  const cached = typeCache.get(text);
  if (cached) return cached;
  let type: SchemaType;
  if (text.startsWith('[]')) type = { kind: 'array', items: parseType(text.slice(2)) };
  else if (text.startsWith('{}')) type = { kind: 'map', values: parseType(text.slice(2)) };
  else if (scalarTypeNames.has(text)) type = { kind: 'scalar', name: text as ScalarTypeName };
  else type = { kind: 'definition', name: text };
  typeCache.set(text, type);
  return type;
}

function versionBit(version: KubernetesVersion): number {
  const index = (schemaVersions as readonly string[]).indexOf(version);
  return index === -1 ? 1 : 1 << index;
}

function rowFor(rows: readonly CompiledRow[] | undefined, bit: number): CompiledRow | undefined {
  if (!rows) return undefined;
  for (const row of rows) if ((row.row[1] & bit) !== 0) return row;
  return undefined;
}

/** The versions (a bit mask) in which a field has any of its rows. */
function versionsWithField(rows: readonly CompiledRow[]): number {
  let mask = 0;
  for (const row of rows) mask |= row.row[1];
  return mask;
}

/** The version an apiVersion is validated as: itself, or the replacement of a removed one. */
function schemaRootFor(kind: WorkloadKind, apiVersion: string): string | undefined {
  const effective = removedApiVersions[kind][apiVersion]?.replacement ?? apiVersion;
  return schemaRoots[`${effective}/${kind}`];
}

// ---------------------------------------------------------------------------------------------
// Validation

/** The codes schema validation reports, with their documentation; the schema rule reports them. */
export const schemaCodes = {
  'schema/unknown-field': {
    severity: 'error',
    summary: 'A field the target Kubernetes version does not know.',
    source: "kubectl's strict field validation (unknown field)",
    example: 'spec:\n  template:\n    metadata:\n      spec: {}',
  },
  'schema/field-requires-version': {
    severity: 'error',
    summary: 'A field that exists only in a newer Kubernetes version than the target.',
    source: 'the OpenAPI schemas of each version',
    example: '# podline: kubernetes=1.27\nspec:\n  podReplacementPolicy: Failed',
  },
  'schema/type': {
    severity: 'error',
    summary: 'A value of the wrong type (a string for an integer, an int32 overflow).',
    source: 'JSON decoding into the Go types',
    example: 'backoffLimit: "4"',
  },
  'schema/enum': {
    severity: 'error',
    summary: 'A value outside the field’s enumeration.',
    source: 'the OpenAPI enums that validation enforces',
    example: 'imagePullPolicy: Sometimes',
  },
  'schema/required': {
    severity: 'error',
    summary: 'A field validation requires is missing.',
    source: `${kubernetesSources.core} and the OpenAPI required lists`,
    example: 'env:\n- value: x',
  },
  'schema/removed-api-version': {
    severity: 'error',
    summary: 'An apiVersion removed from Kubernetes (CronJob batch/v1beta1, DaemonSet extensions/v1beta1).',
    source: 'Kubernetes deprecation guide',
    example: 'apiVersion: batch/v1beta1\nkind: CronJob',
  },
  'schema/unknown-api-version': {
    severity: 'error',
    summary: 'An apiVersion that never served this kind.',
    source: 'the API groups of each version',
    example: 'apiVersion: batch/v2\nkind: Job',
  },
} satisfies CodeDocs;

/** A code schema validation reports. */
export type SchemaCode = keyof typeof schemaCodes;

/**
 * Validates one Job, CronJob or DaemonSet against the schema of Kubernetes `version`: strict
 * decoding (unknown fields, with "requires Kubernetes ≥ x" for fields of newer versions), JSON
 * types and integer ranges, enforced enums and required fields, and removed API versions (the
 * rest is then validated as the replacement). Pure; never throws on any YAML model.
 */
export function validateSchema(
  workload: Workload,
  version: KubernetesVersion,
  locale: Locale,
): RuleReport<SchemaCode>[] {
  const reports: RuleReport<SchemaCode>[] = [];
  const apiVersionNode = getEntry(workload.root, 'apiVersion')?.value ?? null;
  const removed = removedApiVersions[workload.kind][workload.apiVersion];
  if (removed) {
    reports.push({
      code: 'schema/removed-api-version',
      severity: 'error',
      message: formatMessage(schemaMessages, locale, 'removedApiVersion', {
        kind: workload.kind,
        apiVersion: workload.apiVersion,
        ...removed,
      }),
      range: apiVersionNode?.range ?? workload.root.range,
      path: 'apiVersion',
      data: { replacement: removed.replacement, removedIn: removed.removedIn },
    });
  }
  const root = schemaRootFor(workload.kind, workload.apiVersion);
  if (!root) {
    reports.push({
      code: 'schema/unknown-api-version',
      severity: 'error',
      message: formatMessage(schemaMessages, locale, 'unknownApiVersion', {
        kind: workload.kind,
        apiVersion: workload.apiVersion,
      }),
      range: apiVersionNode?.range ?? workload.root.range,
      path: 'apiVersion',
    });
    return reports;
  }
  new SchemaWalker(version, locale, reports, workload.document.hasSyntaxErrors).walkStruct(
    workload.root,
    root,
    '',
    null,
    null,
  );
  return reports;
}

/** A map entry as the decoder sees it, merge keys (`<<`) expanded. */
interface EffectiveEntry {
  readonly key: string;
  readonly keyIsScalar: boolean;
  readonly keyRange: OffsetRange;
  readonly value: YamlNode | null;
  /** Set when the entry comes from an alias or merge: findings go to this range instead. */
  readonly at: OffsetRange | null;
}

class SchemaWalker {
  private readonly bit: number;
  private visits = 0;

  constructor(
    private readonly version: KubernetesVersion,
    private readonly locale: Locale,
    private readonly reports: RuleReport<SchemaCode>[],
    /** True when the document has YAML syntax errors, so some keys may be parser recovery. */
    private readonly recovered: boolean,
  ) {
    this.bit = versionBit(version);
  }

  /**
   * Checks a mapping against a definition. `at` is the alias range findings go to when the map is
   * reached through an alias; `missingAt` is where a missing required field is underlined.
   */
  walkStruct(
    map: YamlMap,
    definition: string,
    path: string,
    at: OffsetRange | null,
    missingAt: OffsetRange | null,
  ): void {
    const compiled = definitionFields(definition);
    if (!compiled) return;
    const entries = hasMergeKey(map) ? effectiveEntries(map, at) : map.entries;
    for (const entry of entries) {
      if (this.visits++ > maxVisitsPerDocument) return;
      if (!entry.keyIsScalar) continue;
      const entryAt = atOf(entry, at);
      const fieldPath = childPath(path, entry.key);
      const rows = compiled.fields.get(entry.key);
      const row = rowFor(rows, this.bit);
      if (!row) {
        // After a syntax error the parser's recovery can turn stray lines (a pasted shell
        // transcript) into keys; no Kubernetes field has spaces or `$`, and the syntax error is
        // the finding that matters there.
        if (!this.recovered || /^[A-Za-z_][\w.-]*$/.test(entry.key))
          this.reportUnknownField(entry.key, entry.keyRange, entryAt, fieldPath, rows);
        continue;
      }
      this.walkValue(entry.value, row.type, fieldPath, entryAt, entry.keyRange, row.enumCheck);
    }
    for (const name of compiled.enforcedRequired) {
      const row = rowFor(compiled.fields.get(name), this.bit);
      if (!row || (row.row[2] & this.bit) === 0) continue;
      const entry = findLast(entries, name);
      if (entry && !isEmptyValue(entry.value)) continue;
      this.reports.push({
        code: 'schema/required',
        severity: 'error',
        message: this.say('required', { path: childPath(path, name) }),
        range: at ??
          entry?.value?.range ??
          entry?.keyRange ??
          missingAt ?? { start: map.range.start, end: map.range.start },
        path: childPath(path, name),
        errorType: 'Required',
        data: { field: name },
      });
    }
  }

  private walkValue(
    written: YamlNode | null,
    type: SchemaType,
    path: string,
    outerAt: OffsetRange | null,
    keyRange: OffsetRange | null,
    enumCheck: { values: readonly string[]; type: ApiErrorType } | undefined,
  ): void {
    const { node, at } = resolveAlias(written, outerAt);
    if (!node || (node.kind === 'scalar' && node.value === null)) return;
    if (node.kind === 'alias') return;
    switch (type.kind) {
      case 'definition':
        if (node.kind !== 'map') return this.reportMismatch(node, path, at, 'expectedObject');
        return this.walkStruct(node, type.name, path, at, keyRange);
      case 'array':
        if (node.kind !== 'seq') return this.reportMismatch(node, path, at, 'expectedArray');
        for (let index = 0; index < node.items.length; index++) {
          if (this.visits++ > maxVisitsPerDocument) return;
          this.walkValue(
            node.items[index] ?? null,
            type.items,
            indexPath(path, index),
            at,
            keyRange,
            enumCheck,
          );
        }
        return;
      case 'map':
        if (node.kind !== 'map') return this.reportMismatch(node, path, at, 'expectedObject');
        for (const entry of hasMergeKey(node) ? effectiveEntries(node, at) : node.entries) {
          if (this.visits++ > maxVisitsPerDocument) return;
          if (!entry.keyIsScalar) continue;
          // Map entries are paths' keys, as field.Path.Key prints them: limits[cpu].
          this.walkValue(
            entry.value,
            type.values,
            `${path}[${entry.key}]`,
            atOf(entry, at),
            entry.keyRange,
            undefined,
          );
        }
        return;
      case 'scalar':
        return this.checkScalar(node, type.name, path, at, enumCheck);
    }
  }

  private checkScalar(
    node: YamlNode,
    type: ScalarTypeName,
    path: string,
    at: OffsetRange | null,
    enumCheck: { values: readonly string[]; type: ApiErrorType } | undefined,
  ): void {
    if (type === 'object') {
      if (node.kind !== 'map') this.reportMismatch(node, path, at, 'expectedObject');
      return;
    }
    if (node.kind !== 'scalar') {
      const expected = expectedKey(type);
      this.reportMismatch(node, path, at, expected, type);
      return;
    }
    const value = node.value;
    if (typeof value === 'number' && !Number.isFinite(value)) {
      // `.inf` and `.nan` cannot be written as JSON at all.
      this.reportMismatch(node, path, at, expectedKey(type), type);
      return;
    }
    switch (type) {
      case 'string':
        if (typeof value !== 'string') return this.reportMismatch(node, path, at, 'expectedString');
        if (enumCheck && value !== '' && !enumCheck.values.includes(value)) {
          this.reports.push({
            code: 'schema/enum',
            severity: 'error',
            message: this.say('enumNotSupported', {
              value: JSON.stringify(value),
              supported: enumCheck.values.map((v) => JSON.stringify(v)).join(', '),
            }),
            range: at ?? node.range,
            path,
            errorType: enumCheck.type,
            data: { value, supported: [...enumCheck.values] },
          });
        }
        return;
      case 'boolean':
        if (typeof value !== 'boolean') this.reportMismatch(node, path, at, 'expectedBoolean');
        return;
      case 'int32':
      case 'int64':
      case 'integer':
        if (typeof value !== 'number' || !Number.isInteger(value))
          return this.reportMismatch(node, path, at, 'expectedInteger', type);
        return this.checkRange(node, value, type === 'int32' ? 'int32' : 'int64', path, at);
      case 'number':
        if (typeof value !== 'number') this.reportMismatch(node, path, at, 'expectedNumber');
        return;
      case 'IntOrString':
        if (typeof value === 'string') return;
        if (typeof value !== 'number' || !Number.isInteger(value))
          return this.reportMismatch(node, path, at, 'expectedIntOrString');
        return this.checkRange(node, value, 'int32', path, at);
      case 'Quantity': {
        if (typeof value === 'number') return;
        if (typeof value !== 'string') return this.reportMismatch(node, path, at, 'expectedQuantity');
        const problem = quantityProblem(value);
        if (problem) {
          this.reports.push({
            code: 'schema/type',
            severity: 'error',
            message: this.say(problem, { path, value: JSON.stringify(value) }),
            range: at ?? node.range,
            path,
            data: { expected: 'Quantity' },
          });
        }
        return;
      }
      case 'Time':
        if (typeof value !== 'string') return this.reportMismatch(node, path, at, 'expectedTime');
        if (!isRfc3339(value)) {
          this.reports.push({
            code: 'schema/type',
            severity: 'error',
            message: this.say('timeFormat', { path, value: JSON.stringify(value) }),
            range: at ?? node.range,
            path,
            data: { expected: 'Time' },
          });
        }
        return;
    }
  }

  private checkRange(
    node: YamlScalar,
    value: number,
    format: 'int32' | 'int64',
    path: string,
    at: OffsetRange | null,
  ): void {
    const [min, max] =
      format === 'int32' ? [-2147483648, 2147483647] : [-9223372036854775808, 9223372036854775807];
    if (value >= min && value <= max) return;
    this.reports.push({
      code: 'schema/type',
      severity: 'error',
      message: this.say('integerOutOfRange', {
        path,
        value: String(value),
        format,
        min: format === 'int32' ? '-2147483648' : '-9223372036854775808',
        max: format === 'int32' ? '2147483647' : '9223372036854775807',
      }),
      range: at ?? node.range,
      path,
      data: { expected: format, overflow: true },
    });
  }

  private reportMismatch(
    node: YamlNode,
    path: string,
    at: OffsetRange | null,
    expected: ExpectedKey,
    format?: ScalarTypeName,
  ): void {
    const actual = describeActual(node);
    const expectedText = this.say(expected, { format: format ?? '' });
    const actualText = this.say(actual.key, { value: actual.value });
    // Hints for the usual YAML slips: an unquoted yes or 1.10 where a string is wanted, or a
    // quoted number where an integer is wanted.
    let key: 'typeMismatch' | 'typeMismatchQuoteBoolean' | 'typeMismatchQuoteNumber' | 'typeMismatchUnquote' =
      'typeMismatch';
    if (node.kind === 'scalar' && node.style === 'plain' && expected === 'expectedString') {
      if (typeof node.value === 'boolean') key = 'typeMismatchQuoteBoolean';
      else if (typeof node.value === 'number') key = 'typeMismatchQuoteNumber';
    } else if (
      node.kind === 'scalar' &&
      (node.style === 'single' || node.style === 'double') &&
      typeof node.value === 'string' &&
      (expected === 'expectedInteger' || expected === 'expectedBoolean') &&
      (expected === 'expectedInteger' ? /^[-+]?\d+$/.test(node.value) : /^(true|false)$/.test(node.value))
    ) {
      key = 'typeMismatchUnquote';
    }
    this.reports.push({
      code: 'schema/type',
      severity: 'error',
      message: this.say(key, { path, expected: expectedText, actual: actualText }),
      range: at ?? node.range,
      path,
      data: { expected: format ?? expected.replace(/^expected/, '').toLowerCase(), actual: actual.kind },
    });
  }

  private reportUnknownField(
    key: string,
    keyRange: OffsetRange,
    at: OffsetRange | null,
    path: string,
    rows: readonly CompiledRow[] | undefined,
  ): void {
    const range = at ?? keyRange;
    const data = { field: key, removable: at === null };
    const mask = rows ? versionsWithField(rows) : 0;
    const newer = mask & (this.bit - 1);
    if (newer !== 0) {
      // The oldest supported version newer than the target that has the field.
      const sinceVersion = schemaVersions[31 - Math.clz32(newer)] ?? '';
      this.reports.push({
        code: 'schema/field-requires-version',
        severity: 'error',
        message: this.say('fieldRequiresVersion', { path, sinceVersion, version: this.version }),
        range,
        path,
        data: { ...data, sinceVersion },
      });
      return;
    }
    const older = mask & ~(this.bit * 2 - 1);
    const lastVersion = older !== 0 ? schemaVersions[Math.log2(older & -older)] : undefined;
    this.reports.push({
      code: 'schema/unknown-field',
      severity: 'error',
      message: lastVersion
        ? this.say('unknownFieldRemoved', { path, version: this.version, lastVersion })
        : this.say('unknownField', { path }),
      range,
      path,
      data: lastVersion ? { ...data, lastVersion } : data,
    });
  }

  private say(key: keyof (typeof schemaMessages)['en'], args: MessageArgs): string {
    return formatMessage(schemaMessages, this.locale, key, args);
  }
}

type ExpectedKey =
  | 'expectedString'
  | 'expectedInteger'
  | 'expectedNumber'
  | 'expectedBoolean'
  | 'expectedObject'
  | 'expectedArray'
  | 'expectedIntOrString'
  | 'expectedQuantity'
  | 'expectedTime';

function expectedKey(type: ScalarTypeName): ExpectedKey {
  switch (type) {
    case 'string':
      return 'expectedString';
    case 'boolean':
      return 'expectedBoolean';
    case 'int32':
    case 'int64':
    case 'integer':
      return 'expectedInteger';
    case 'number':
      return 'expectedNumber';
    case 'IntOrString':
      return 'expectedIntOrString';
    case 'Quantity':
      return 'expectedQuantity';
    case 'Time':
      return 'expectedTime';
    case 'object':
      return 'expectedObject';
  }
}

function describeActual(node: YamlNode): {
  key: 'actualString' | 'actualNumber' | 'actualBoolean' | 'actualObject' | 'actualArray';
  value: string;
  kind: string;
} {
  if (node.kind === 'map') return { key: 'actualObject', value: '', kind: 'object' };
  if (node.kind === 'seq') return { key: 'actualArray', value: '', kind: 'array' };
  if (node.kind === 'scalar') {
    if (typeof node.value === 'string')
      return { key: 'actualString', value: JSON.stringify(node.value), kind: 'string' };
    if (typeof node.value === 'boolean')
      return { key: 'actualBoolean', value: String(node.value), kind: 'boolean' };
    if (typeof node.value === 'number')
      return { key: 'actualNumber', value: String(node.value), kind: 'number' };
  }
  return { key: 'actualObject', value: '', kind: 'null' };
}

/** Follows aliases; the range of the first alias met is where findings below it go. */
function resolveAlias(
  node: YamlNode | null,
  at: OffsetRange | null,
): { node: YamlNode | null; at: OffsetRange | null } {
  let current = node;
  let range = at;
  for (let hops = 0; current?.kind === 'alias' && hops < 16; hops++) {
    range = range ?? current.range;
    current = current.target;
  }
  return { node: current, at: range };
}

/**
 * The entries of a mapping as go-yaml hands them to the JSON conversion: explicit keys, then the
 * keys of `<<` merges (the first merged map wins, explicit keys win over all).
 */
function effectiveEntries(map: YamlMap, at: OffsetRange | null, depth = 0): EffectiveEntry[] {
  const entries: EffectiveEntry[] = [];
  const merges: YamlNode[] = [];
  for (const entry of map.entries) {
    if (!entry.keyIsScalar) continue;
    if (entry.key === '<<' && entry.value && depth < 8) merges.push(entry.value);
    else
      entries.push({ key: entry.key, keyIsScalar: true, keyRange: entry.keyRange, value: entry.value, at });
  }
  if (merges.length === 0) return entries;
  const seen = new Set(entries.map((entry) => entry.key));
  for (const merge of merges) {
    const resolved = resolveAlias(merge, at);
    const sources =
      resolved.node?.kind === 'map'
        ? [{ node: resolved.node, at: resolved.at }]
        : resolved.node?.kind === 'seq'
          ? resolved.node.items.map((item) => resolveAlias(item, resolved.at ?? item?.range ?? null))
          : [];
    for (const source of sources) {
      if (source.node?.kind !== 'map') continue;
      const mergeAt = source.at ?? merge.range;
      for (const entry of effectiveEntries(source.node, mergeAt, depth + 1)) {
        if (seen.has(entry.key)) continue;
        seen.add(entry.key);
        entries.push({ ...entry, at: entry.at ?? mergeAt });
      }
    }
  }
  return entries;
}

/** Where findings about an entry go: its merge source, else the enclosing alias, if any. */
function atOf(entry: YamlMapEntry | EffectiveEntry, at: OffsetRange | null): OffsetRange | null {
  return 'at' in entry ? entry.at : at;
}

function hasMergeKey(map: YamlMap): boolean {
  for (const entry of map.entries) if (entry.key === '<<') return true;
  return false;
}

function findLast<T extends { readonly key: string }>(entries: readonly T[], key: string): T | undefined {
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i]?.key === key) return entries[i];
  return undefined;
}

/** Missing, null, an empty string, zero or an empty list: what `len(x) == 0` or `x == 0` rejects. */
function isEmptyValue(written: YamlNode | null): boolean {
  const { node } = resolveAlias(written, null);
  if (!node) return true;
  if (node.kind === 'scalar') return node.value === null || node.value === '' || node.value === 0;
  if (node.kind === 'seq') return node.items.length === 0;
  return false;
}

/**
 * Why Kubernetes' ParseQuantity rejects `text`, following its parseQuantityString: an optional
 * sign, digits with at most one decimal point, suffix letters, an optional sign and digits; then
 * the suffix must be a decimal unit (n u m k M G T P E), a binary one (Ki … Ei) or an exponent
 * (e3, E-2). A string without a digit in its number is also refused (ErrNumeric).
 */
function quantityProblem(text: string): 'quantityFormat' | 'quantitySuffix' | undefined {
  const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
  const end = text.length;
  let pos = 0;
  if (text[0] === '+' || text[0] === '-') pos++;
  const numberStart = pos;
  while (pos < end && isDigit(text[pos])) pos++;
  if (text[pos] === '.') {
    pos++;
    while (pos < end && isDigit(text[pos])) pos++;
  }
  if (!/\d/.test(text.slice(numberStart, pos))) return 'quantityFormat';
  const suffixStart = pos;
  while (pos < end && 'eEinumkKMGTP'.includes(text[pos] ?? '')) pos++;
  if (pos < end && (text[pos] === '+' || text[pos] === '-')) pos++;
  while (pos < end && isDigit(text[pos])) pos++;
  if (pos < end) return 'quantityFormat';
  const suffix = text.slice(suffixStart);
  const units = ['', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
  if (units.includes(suffix) || /^[eE][-+]?\d{1,18}$/.test(suffix)) return undefined;
  return 'quantitySuffix';
}

/** Go's time.Parse(time.RFC3339, …) as metav1.Time uses it. */
function isRfc3339(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(text);
}

// ---------------------------------------------------------------------------------------------
// Hover support

/** What a hover shows about a field. */
export interface FieldDescription {
  readonly description: string;
  /** The type as `kubectl explain` writes it: `string`, `integer (int32)`, `[]Container`, … */
  readonly type: string;
  /** The first supported version that has the field, when older supported versions lack it. */
  readonly sinceVersion?: string;
  /** The values the schema lists, when it is an enum. */
  readonly enumValues?: readonly string[];
}

/**
 * Describes the field at `fieldPath` (the API server's syntax, e.g.
 * `spec.template.spec.containers[0].image`) of a kind in the given version, or undefined when
 * that version has no such field. A removed apiVersion is described as its replacement.
 */
export function describeField(
  kind: WorkloadKind,
  apiVersion: string,
  fieldPath: string,
  version: KubernetesVersion,
): FieldDescription | undefined {
  const root = schemaRootFor(kind, apiVersion);
  const segments = parseFieldPath(fieldPath);
  if (!root || !segments || segments.length === 0) return undefined;
  const bit = versionBit(version);
  let type: SchemaType = { kind: 'definition', name: root };
  let row: CompiledRow | undefined;
  let rows: readonly CompiledRow[] | undefined;
  for (const segment of segments) {
    if (type.kind === 'array') {
      if (!segment.bracket) return undefined;
      type = type.items;
      row = undefined;
      continue;
    }
    if (type.kind === 'map') {
      type = type.values;
      row = undefined;
      continue;
    }
    if (type.kind !== 'definition') return undefined;
    rows = definitionFields(type.name)?.fields.get(segment.key);
    row = rowFor(rows, bit);
    if (!row) return undefined;
    type = row.type;
  }
  if (!row || !rows) return { description: '', type: displayType(type) };
  const mask = versionsWithField(rows);
  const oldestBit = 1 << (schemaVersions.length - 1);
  const sinceVersion = (mask & oldestBit) === 0 ? schemaVersions[31 - Math.clz32(mask)] : undefined;
  return {
    description: schemaDescriptions[row.row[4]] ?? '',
    type: displayType(type),
    ...(sinceVersion ? { sinceVersion } : {}),
    ...(row.row[5] !== undefined ? { enumValues: row.row[5].split('|') } : {}),
  };
}

function displayType(type: SchemaType): string {
  switch (type.kind) {
    case 'array':
      return `[]${displayType(type.items)}`;
    case 'map':
      return `map[string]${displayType(type.values)}`;
    case 'definition':
      return type.name.slice(type.name.lastIndexOf('.') + 1);
    case 'scalar':
      if (type.name === 'int32' || type.name === 'int64') return `integer (${type.name})`;
      return type.name;
  }
}

/** Splits `a.b[0][key].c` into segments; undefined when it is not a field path. */
function parseFieldPath(path: string): { key: string; bracket: boolean }[] | undefined {
  const segments: { key: string; bracket: boolean }[] = [];
  let i = 0;
  while (i < path.length) {
    if (path[i] === '[') {
      const close = path.indexOf(']', i);
      if (close === -1) return undefined;
      segments.push({ key: path.slice(i + 1, close), bracket: true });
      i = close + 1;
    } else {
      if (path[i] === '.') {
        if (segments.length === 0) return undefined;
        i++;
      }
      const match = /^[A-Za-z_$][\w$]*/.exec(path.slice(i));
      if (!match) return undefined;
      segments.push({ key: match[0], bracket: false });
      i += match[0].length;
    }
  }
  return segments;
}
