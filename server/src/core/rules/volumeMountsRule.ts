import { kubernetesSources } from '../findings/codeDoc';
import type { CodeDocs } from '../findings/codeDoc';
import { defineCatalog, formatMessage } from '../l10n';
import type { MessageArgs } from '../l10n';
import { booleanValue, field, fieldAt, isSet, items, stringValue } from '../yaml/fieldRef';
import type { FieldRef } from '../yaml/fieldRef';
import { workloadRefs } from '../workload/workloadRefs';
import { kubernetesMinor, podContainers } from './podContainers';
import { reportApiError } from './reportApiError';
import { defineRule } from './rule';
import type { RuleContext } from './rule';

const messages = defineCatalog(
  {
    mountPathDuplicate: 'mountPath "{value}" must be unique: another mount of this container uses it',
    relativePath: '{key} "{value}" must be a relative path',
    noBacksteps: '{key} "{value}" must not contain ".."',
    subPathBoth: 'subPathExpr and subPath are mutually exclusive',
    imageSubPath: '{key} is not allowed for an image volume',
    bidirectional: 'Bidirectional mount propagation is available only to privileged containers',
    rroReadOnly: 'recursiveReadOnly {value} may only be specified when readOnly is true',
    rroPropagation:
      'recursiveReadOnly {value} may only be specified when mountPropagation is None or not specified',
    rroUnsupported: 'Unsupported recursiveReadOnly "{value}": Disabled, IfPossible or Enabled',
  },
  {
    mountPathDuplicate: 'mountPath "{value}" 必须唯一：此容器的另一个挂载已使用它',
    relativePath: '{key} "{value}" 必须是相对路径',
    noBacksteps: '{key} "{value}" 不能包含 ".."',
    subPathBoth: 'subPathExpr 和 subPath 不能同时设置',
    imageSubPath: 'image 卷不允许设置 {key}',
    bidirectional: '只有特权容器才能使用 Bidirectional 挂载传播',
    rroReadOnly: '只有 readOnly 为 true 时才能设置 recursiveReadOnly {value}',
    rroPropagation: '只有 mountPropagation 为 None 或未设置时才能设置 recursiveReadOnly {value}',
    rroUnsupported: '不支持的 recursiveReadOnly "{value}"：只能是 Disabled、IfPossible 或 Enabled',
  },
);

type Say = (key: keyof (typeof messages)['en'], args?: MessageArgs) => string;

/** The codes this module reports, with their documentation (`docs/rules.md`). */
const codes = {
  'pod/mount-path': {
    severity: 'error',
    summary: 'Two volume mounts of one container at the same mountPath.',
    source: `${kubernetesSources.core} ValidateVolumeMounts`,
    example: 'volumeMounts: [{name: a, mountPath: /data}, {name: b, mountPath: /data}]',
  },
  'pod/mount-sub-path': {
    severity: 'error',
    summary:
      "A subPath or subPathExpr that is absolute or contains '..', both set, or set on an image volume.",
    source: `${kubernetesSources.core} ValidateVolumeMounts (validateLocalDescendingPath)`,
    example: 'volumeMounts: [{name: a, mountPath: /d, subPath: ../etc}]',
  },
  'pod/mount-propagation': {
    severity: 'error',
    summary: 'Bidirectional mount propagation in a container that is not privileged.',
    source: `${kubernetesSources.core} validateMountPropagation`,
    example: 'volumeMounts: [{name: a, mountPath: /d, mountPropagation: Bidirectional}]',
  },
  'pod/recursive-read-only': {
    severity: 'error',
    summary: 'recursiveReadOnly with an unknown value, without readOnly: true, or with mount propagation.',
    source: `${kubernetesSources.core} validateMountRecursiveReadOnly`,
    example: 'volumeMounts: [{name: a, mountPath: /d, recursiveReadOnly: Enabled}]',
  },
} satisfies CodeDocs;
type Code = keyof typeof codes;

/**
 * Each container's volume mounts as ValidateVolumeMounts checks them, beyond the volume name
 * (`pod/volume-mount`, podTemplateRule) and a missing mountPath (the schema's Required).
 * Upstream reports the subPath, mountPropagation and recursiveReadOnly errors at the list's path
 * (`volumeMounts.subPath`, without the index); Podline reports the same paths and underlines the
 * field itself.
 */
export const volumeMountsRule = defineRule({
  codes,
  kinds: ['Job', 'CronJob', 'DaemonSet'],
  check(context) {
    const say: Say = (key, args = {}) => formatMessage(messages, context.locale, key, args);
    const podSpec = workloadRefs(context.workload).podSpec;
    const imageVolumes = new Set(
      items(field(podSpec, 'volumes'))
        .filter((volume) => isSet(field(volume, 'image')))
        .map((volume) => stringValue(field(volume, 'name'))),
    );
    // RecursiveReadOnlyMounts is beta, on by default, from 1.31; before, the field is dropped.
    const recursiveReadOnly = kubernetesMinor(context.kubernetesVersion) >= 31;
    for (const container of podContainers(podSpec))
      checkMounts(context, say, container.ref, imageVolumes, recursiveReadOnly);
  },
});

function checkMounts(
  context: RuleContext<Code>,
  say: Say,
  container: FieldRef,
  imageVolumes: ReadonlySet<string | undefined>,
  recursiveReadOnly: boolean,
): void {
  const list = field(container, 'volumeMounts');
  const report = (
    code: Code,
    ref: FieldRef,
    type: 'Invalid' | 'Forbidden' | 'NotSupported',
    message: string,
    path?: string,
  ): void => reportApiError(context, { code, ref, type, message, ...(path !== undefined ? { path } : {}) });
  const privileged = booleanValue(fieldAt(container, 'securityContext', 'privileged')) === true;
  const mountPaths = new Set<string>();
  for (const mount of items(list)) {
    if (mount.node?.kind !== 'map') continue;
    const pathRef = field(mount, 'mountPath');
    const mountPath = stringValue(pathRef);
    if (mountPath !== undefined && mountPath !== '') {
      if (mountPaths.has(mountPath))
        report('pod/mount-path', pathRef, 'Invalid', say('mountPathDuplicate', { value: mountPath }));
      mountPaths.add(mountPath);
    }
    const subPathRef = field(mount, 'subPath');
    const subPath = stringValue(subPathRef) ?? '';
    const exprRef = field(mount, 'subPathExpr');
    const expr = stringValue(exprRef) ?? '';
    if (imageVolumes.has(stringValue(field(mount, 'name')))) {
      if (subPath !== '')
        report('pod/mount-sub-path', subPathRef, 'Invalid', say('imageSubPath', { key: 'subPath' }));
      if (expr !== '')
        report('pod/mount-sub-path', exprRef, 'Invalid', say('imageSubPath', { key: 'subPathExpr' }));
    }
    for (const [key, ref, value] of [
      ['subPath', subPathRef, subPath],
      ['subPathExpr', exprRef, expr],
    ] as const) {
      if (value === '') continue;
      if (key === 'subPathExpr' && subPath !== '')
        report('pod/mount-sub-path', ref, 'Invalid', say('subPathBoth'));
      // validateLocalDescendingPath, at `volumeMounts.<key>` as upstream passes the list's path.
      if (value.startsWith('/'))
        report(
          'pod/mount-sub-path',
          ref,
          'Invalid',
          say('relativePath', { key, value }),
          `${list.path}.${key}`,
        );
      if (value.split('/').includes('..'))
        report(
          'pod/mount-sub-path',
          ref,
          'Invalid',
          say('noBacksteps', { key, value }),
          `${list.path}.${key}`,
        );
    }
    const propagationRef = field(mount, 'mountPropagation');
    const propagation = stringValue(propagationRef);
    if (propagation === 'Bidirectional' && !privileged)
      report(
        'pod/mount-propagation',
        propagationRef,
        'Forbidden',
        say('bidirectional'),
        `${list.path}.mountPropagation`,
      );
    const rroRef = field(mount, 'recursiveReadOnly');
    const rro = stringValue(rroRef);
    if (recursiveReadOnly && rro !== undefined && rro !== 'Disabled') {
      const path = `${list.path}.recursiveReadOnly`;
      if (rro === 'Enabled' || rro === 'IfPossible') {
        if (booleanValue(field(mount, 'readOnly')) !== true)
          report('pod/recursive-read-only', rroRef, 'Forbidden', say('rroReadOnly', { value: rro }), path);
        if (propagation !== undefined && propagation !== 'None')
          report('pod/recursive-read-only', rroRef, 'Forbidden', say('rroPropagation', { value: rro }), path);
      } else
        report(
          'pod/recursive-read-only',
          rroRef,
          'NotSupported',
          say('rroUnsupported', { value: rro }),
          path,
        );
    }
  }
}
