import { kubernetesSources } from '../findings/codeDoc';
import type { CodeDocs } from '../findings/codeDoc';
import { defineCatalog, formatMessage } from '../l10n';
import type { MessageArgs } from '../l10n';
import { checkDns1123Label, checkQualifiedName } from '../k8s/nameValidation';
import { isNegativeQuantity, parseQuantity } from '../k8s/quantity';
import { field, integerValue, isSet, items, scalarText, stringValue } from '../yaml/fieldRef';
import type { FieldRef } from '../yaml/fieldRef';
import { workloadRefs } from '../workload/workloadRefs';
import { reportApiError } from './reportApiError';
import { defineRule } from './rule';
import type { RuleContext } from './rule';

const messages = defineCatalog(
  {
    nameInvalid: 'Invalid volume name "{value}": a lowercase RFC 1123 label (at most 63 of a-z, 0-9 and "-")',
    nameDuplicate: 'Duplicate volume name "{value}"',
    sourceRequired:
      'The volume must specify a volume type (emptyDir, configMap, secret, persistentVolumeClaim, ...)',
    sourceMany: 'A volume may not specify more than one volume type: {key} is a second one',
    projectedSourceMany: 'A projected source may not specify more than one volume type',
    fileMode:
      '{key} {value} must be a number between 0 and 0777 (octal), both inclusive; in YAML write 0644 unquoted, or 420',
    required: '{key} is required',
    relativePath: 'Path "{value}" must be a relative path',
    noBacksteps: 'Path "{value}" must not contain ".."',
    noLeadingDots: 'Path "{value}" must not start with ".."',
    duplicatePath: 'Conflicting duplicate path "{value}" in the projected volume',
    sizeLimit: 'emptyDir sizeLimit {value} must not be negative',
    fieldRefBoth: 'fieldRef and resourceFieldRef can not be specified simultaneously',
    fieldRefNone: 'One of fieldRef and resourceFieldRef is required',
    fieldPathUnsupported:
      'fieldPath "{value}" is not supported in a downwardAPI volume; supported: {supported}',
    fieldPathKey: 'Invalid key in fieldPath "{value}": it must be a qualified name like a label key',
    expiration: 'expirationSeconds {value} must be at least 600 (10 minutes) and at most 4294967296 (2^32)',
  },
  {
    nameInvalid: '无效的卷名称 "{value}"：必须是小写 RFC 1123 标签（最多 63 个 a-z、0-9 和 "-"）',
    nameDuplicate: '重复的卷名称 "{value}"',
    sourceRequired: '卷必须指定一种卷类型（emptyDir、configMap、secret、persistentVolumeClaim 等）',
    sourceMany: '一个卷只能指定一种卷类型：{key} 是第二种',
    projectedSourceMany: '一个 projected 来源只能指定一种卷类型',
    fileMode: '{key} {value} 必须在 0 到 0777（八进制）之间（含两端）；YAML 中请写不带引号的 0644，或 420',
    required: '必须提供 {key}',
    relativePath: '路径 "{value}" 必须是相对路径',
    noBacksteps: '路径 "{value}" 不能包含 ".."',
    noLeadingDots: '路径 "{value}" 不能以 ".." 开头',
    duplicatePath: 'projected 卷中的路径 "{value}" 重复冲突',
    sizeLimit: 'emptyDir 的 sizeLimit {value} 不能为负数',
    fieldRefBoth: '不能同时指定 fieldRef 和 resourceFieldRef',
    fieldRefNone: '必须指定 fieldRef 或 resourceFieldRef 之一',
    fieldPathUnsupported: 'downwardAPI 卷不支持 fieldPath "{value}"；支持：{supported}',
    fieldPathKey: 'fieldPath "{value}" 中的键无效：必须是与标签键相同格式的限定名',
    expiration: 'expirationSeconds {value} 必须至少为 600（10 分钟），最多为 4294967296（2^32）',
  },
);

type Say = (key: keyof (typeof messages)['en'], args?: MessageArgs) => string;

/** The codes this module reports, with their documentation (`docs/rules.md`). */
const codes = {
  'pod/volume-name': {
    severity: 'error',
    summary: 'A volume name that is not a DNS-1123 label, or two volumes with the same name.',
    source: `${kubernetesSources.core} ValidateVolumes`,
    example: 'volumes: [{name: data, emptyDir: {}}, {name: data, emptyDir: {}}]',
  },
  'pod/volume-source': {
    severity: 'error',
    summary: 'A volume with no volume type, or more than one ("may not specify more than 1 volume type").',
    source: `${kubernetesSources.core} validateVolumeSource / validateProjectionSources`,
    example: 'volumes: [{name: v, emptyDir: {}, secret: {secretName: s}}]',
  },
  'pod/volume-file-mode': {
    severity: 'error',
    summary: 'A defaultMode or mode outside 0..0777 (a YAML 0999 is the decimal 999).',
    source: `${kubernetesSources.core} validateSecretVolumeSource / validateConfigMapVolumeSource / validateKeyToPath`,
    example: 'secret: {secretName: s, defaultMode: 0999}',
  },
  'pod/volume-field': {
    severity: 'error',
    summary:
      "A volume source's own checks: secret and configMap names, item paths (relative, no '..'), hostPath without '..', emptyDir sizeLimit, downwardAPI files, projected sources.",
    source: `${kubernetesSources.core} validateVolumeSource and the validate*VolumeSource functions`,
    example: 'configMap: {name: c, items: [{key: k, path: /etc/k}]}',
  },
} satisfies CodeDocs;
type Code = keyof typeof codes;

/**
 * validateVolumeSource's volume types in its order, with the key each "may not specify more than
 * 1 volume type" is reported at: upstream spells two of them differently from their JSON names.
 */
const volumeTypes: readonly (readonly [string, string])[] = [
  ['emptyDir', 'emptyDir'],
  ['hostPath', 'hostPath'],
  ['gitRepo', 'gitRepo'],
  ['gcePersistentDisk', 'gcePersistentDisk'],
  ['awsElasticBlockStore', 'awsElasticBlockStore'],
  ['secret', 'secret'],
  ['nfs', 'nfs'],
  ['iscsi', 'iscsi'],
  ['glusterfs', 'glusterfs'],
  ['flocker', 'flocker'],
  ['persistentVolumeClaim', 'persistentVolumeClaim'],
  ['rbd', 'rbd'],
  ['cinder', 'cinder'],
  ['cephfs', 'cephFS'],
  ['quobyte', 'quobyte'],
  ['downwardAPI', 'downwarAPI'],
  ['fc', 'fc'],
  ['flexVolume', 'flexVolume'],
  ['configMap', 'configMap'],
  ['azureFile', 'azureFile'],
  ['vsphereVolume', 'vsphereVolume'],
  ['photonPersistentDisk', 'photonPersistentDisk'],
  ['portworxVolume', 'portworxVolume'],
  ['azureDisk', 'azureDisk'],
  ['storageos', 'storageos'],
  ['projected', 'projected'],
  ['scaleIO', 'scaleIO'],
  ['csi', 'csi'],
  ['ephemeral', 'ephemeral'],
  ['image', 'image'],
];

/** validVolumeDownwardAPIFieldPathExpressions. */
const volumeFieldPaths = [
  'metadata.name',
  'metadata.namespace',
  'metadata.labels',
  'metadata.annotations',
  'metadata.uid',
];

/**
 * The pod's volumes as ValidateVolumes checks them: names, exactly one volume type, and the
 * checks of emptyDir, hostPath, secret, configMap, downwardAPI and projected sources. A missing
 * name, key, path, hostPath path or claimName is the schema's Required.
 */
export const volumesRule = defineRule({
  codes,
  kinds: ['Job', 'CronJob', 'DaemonSet'],
  check(context) {
    const say: Say = (key, args = {}) => formatMessage(messages, context.locale, key, args);
    const checker = new VolumeChecker(context, say);
    const names = new Set<string>();
    for (const volume of items(field(workloadRefs(context.workload).podSpec, 'volumes'))) {
      if (volume.node?.kind !== 'map') continue;
      checker.source(volume);
      const nameRef = field(volume, 'name');
      const name = stringValue(nameRef);
      if (name === undefined || name === '') continue;
      if (checkDns1123Label(name).length > 0)
        checker.report('pod/volume-name', nameRef, 'Invalid', say('nameInvalid', { value: name }));
      if (names.has(name))
        checker.report('pod/volume-name', nameRef, 'Duplicate', say('nameDuplicate', { value: name }));
      names.add(name);
    }
  },
});

class VolumeChecker {
  constructor(
    private readonly context: RuleContext<Code>,
    private readonly say: Say,
  ) {}

  report(
    code: Code,
    ref: FieldRef,
    type: 'Invalid' | 'Required' | 'Duplicate' | 'Forbidden' | 'NotSupported',
    message: string,
    path?: string,
  ): void {
    reportApiError(this.context, { code, ref, type, message, ...(path !== undefined ? { path } : {}) });
  }

  /** validateVolumeSource. */
  source(volume: FieldRef): void {
    let count = 0;
    for (const [key, reportedKey] of volumeTypes) {
      const source = field(volume, key);
      if (!isSet(source)) continue;
      if (count > 0) {
        this.report(
          'pod/volume-source',
          source,
          'Forbidden',
          this.say('sourceMany', { key }),
          `${volume.path}.${reportedKey}`,
        );
        continue;
      }
      count++;
      this.typed(key, source);
    }
    if (count === 0) this.report('pod/volume-source', volume, 'Required', this.say('sourceRequired'));
  }

  private typed(key: string, source: FieldRef): void {
    switch (key) {
      case 'emptyDir': {
        const limit = field(source, 'sizeLimit');
        const value = limit.node?.kind === 'scalar' ? limit.node.value : null;
        const quantity =
          typeof value === 'string' || typeof value === 'number' ? parseQuantity(value) : undefined;
        if (quantity && isNegativeQuantity(quantity))
          this.report(
            'pod/volume-field',
            limit,
            'Forbidden',
            this.say('sizeLimit', { value: scalarText(limit) }),
          );
        return;
      }
      case 'hostPath': {
        const path = stringValue(field(source, 'path'));
        if (path) this.noBacksteps(field(source, 'path'), path);
        return;
      }
      case 'secret':
      case 'configMap': {
        const nameKey = key === 'secret' ? 'secretName' : 'name';
        this.requiredString(field(source, nameKey));
        this.mode(field(source, 'defaultMode'));
        for (const item of items(field(source, 'items'))) this.keyToPath(item);
        return;
      }
      case 'downwardAPI':
        this.mode(field(source, 'defaultMode'));
        for (const file of items(field(source, 'items'))) this.downwardFile(file, source);
        return;
      case 'projected':
        this.mode(field(source, 'defaultMode'));
        this.projection(source);
        return;
    }
  }

  private requiredString(ref: FieldRef): void {
    if (!isSet(ref) || stringValue(ref) === '') {
      this.report(
        'pod/volume-field',
        ref,
        'Required',
        this.say('required', { key: ref.path.split('.').pop() ?? '' }),
      );
    }
  }

  /** The file-mode checks of the secret, configMap, downwardAPI and projected sources. */
  private mode(ref: FieldRef, path?: string): void {
    const value = integerValue(ref);
    if (value !== undefined && (value < 0 || value > 0o777)) {
      const key = ref.path.split('.').pop() ?? '';
      this.report('pod/volume-file-mode', ref, 'Invalid', this.say('fileMode', { key, value }), path);
    }
  }

  /** validateKeyToPath: ValidateLocalNonReservedPath on the path, and the mode. */
  private keyToPath(item: FieldRef): void {
    const pathRef = field(item, 'path');
    const path = stringValue(pathRef);
    if (path) this.localNonReservedPath(pathRef, path);
    this.mode(field(item, 'mode'));
  }

  /** ValidateLocalNonReservedPath. */
  private localNonReservedPath(ref: FieldRef, path: string, reportedPath?: string): void {
    if (path.startsWith('/'))
      this.report(
        'pod/volume-field',
        ref,
        'Invalid',
        this.say('relativePath', { value: path }),
        reportedPath,
      );
    this.noBacksteps(ref, path, reportedPath);
    if (path.startsWith('..') && !path.startsWith('../'))
      this.report(
        'pod/volume-field',
        ref,
        'Invalid',
        this.say('noLeadingDots', { value: path }),
        reportedPath,
      );
  }

  /** validatePathNoBacksteps. */
  private noBacksteps(ref: FieldRef, path: string, reportedPath?: string): void {
    if (path.split('/').includes('..'))
      this.report('pod/volume-field', ref, 'Invalid', this.say('noBacksteps', { value: path }), reportedPath);
  }

  /**
   * validateDownwardAPIVolumeFile. Upstream passes the downwardAPI source's path, not the
   * item's, so its errors name `downwardAPI.path`, `downwardAPI.mode` and so on.
   */
  private downwardFile(file: FieldRef, base: FieldRef): void {
    const pathRef = field(file, 'path');
    const path = stringValue(pathRef);
    if (path) this.localNonReservedPath(pathRef, path, `${base.path}.path`);
    const fieldRef = field(file, 'fieldRef');
    const resourceFieldRef = field(file, 'resourceFieldRef');
    if (isSet(fieldRef)) {
      this.volumeFieldSelector(fieldRef, `${base.path}.fieldRef`);
      if (isSet(resourceFieldRef))
        this.report('pod/volume-field', file, 'Invalid', this.say('fieldRefBoth'), base.path);
    } else if (isSet(resourceFieldRef)) {
      const container = field(resourceFieldRef, 'containerName');
      if (!isSet(container) || stringValue(container) === '')
        this.report(
          'pod/volume-field',
          container,
          'Required',
          this.say('required', { key: 'containerName' }),
          `${base.path}.resourceFieldRef.containerName`,
        );
    } else this.report('pod/volume-field', file, 'Required', this.say('fieldRefNone'), base.path);
    this.mode(field(file, 'mode'), `${base.path}.mode`);
  }

  /** validateObjectFieldSelector with the volume field paths. */
  private volumeFieldSelector(fieldRef: FieldRef, reportedPath: string): void {
    const pathRef = field(fieldRef, 'fieldPath');
    const fieldPath = stringValue(pathRef);
    if (!fieldPath) return;
    const subscript = /^(metadata\.(?:labels|annotations))\['(.*)'\]$/s.exec(fieldPath);
    if (subscript) {
      const key =
        subscript[1] === 'metadata.annotations' ? (subscript[2] ?? '').toLowerCase() : (subscript[2] ?? '');
      if (checkQualifiedName(key).length > 0)
        this.report(
          'pod/volume-field',
          fieldRef,
          'Invalid',
          this.say('fieldPathKey', { value: fieldPath }),
          reportedPath,
        );
    } else if (!volumeFieldPaths.includes(fieldPath)) {
      this.report(
        'pod/volume-field',
        pathRef,
        'NotSupported',
        this.say('fieldPathUnsupported', { value: fieldPath, supported: volumeFieldPaths.join(', ') }),
        `${reportedPath}.fieldPath`,
      );
    }
  }

  /** validateProjectionSources. */
  private projection(projected: FieldRef): void {
    const paths = new Set<string>();
    const claim = (ref: FieldRef, path: string | undefined): void => {
      if (!path) return;
      if (paths.has(path))
        this.report(
          'pod/volume-field',
          ref,
          'Invalid',
          this.say('duplicatePath', { value: path }),
          projected.path,
        );
      paths.add(path);
    };
    for (const source of items(field(projected, 'sources'))) {
      let count = 0;
      for (const key of ['secret', 'configMap']) {
        const ref = field(source, key);
        if (!isSet(ref)) continue;
        count++;
        this.requiredString(field(ref, 'name'));
        for (const item of items(field(ref, 'items'))) {
          this.keyToPath(item);
          claim(field(item, 'path'), stringValue(field(item, 'path')));
        }
      }
      const downward = field(source, 'downwardAPI');
      if (isSet(downward)) {
        count++;
        for (const file of items(field(downward, 'items'))) {
          this.downwardFile(file, downward);
          claim(field(file, 'path'), stringValue(field(file, 'path')));
        }
      }
      const token = field(source, 'serviceAccountToken');
      if (isSet(token)) {
        count++;
        const expiration = field(token, 'expirationSeconds');
        // Defaulted to 3600.
        const seconds = integerValue(expiration) ?? 3600;
        if (seconds < 600 || seconds > 2 ** 32)
          this.report('pod/volume-field', expiration, 'Invalid', this.say('expiration', { value: seconds }));
        const pathRef = field(token, 'path');
        const path = stringValue(pathRef);
        // Upstream reports the token's path at the projected volume's `path`.
        if (!path)
          this.report(
            'pod/volume-field',
            pathRef,
            'Required',
            this.say('required', { key: 'path' }),
            `${projected.path}.path`,
          );
        else this.localNonReservedPath(pathRef, path, `${projected.path}.path`);
      }
      if (isSet(field(source, 'clusterTrustBundle'))) count++;
      if (count > 1) this.report('pod/volume-source', source, 'Forbidden', this.say('projectedSourceMany'));
    }
  }
}
