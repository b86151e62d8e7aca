import type { CodeDocs } from '../../findings/codeDoc';
import { defineCatalog, formatMessage } from '../../l10n';
import { findPlaceholder } from '../../k8s/nameValidation';
import { parseImageReference } from '../../k8s/imageReference';
import { field, stringValue } from '../../yaml/fieldRef';
import { reportApiError } from '../reportApiError';
import { defineRule } from '../rule';
import { workloadRefs } from '../../workload/workloadRefs';
import { allContainers } from './lintSupport';

const messages = defineCatalog(
  {
    placeholder:
      'The image "{image}" holds a placeholder "{placeholder}": it is not a valid image reference, so the pod cannot pull it',
    invalid: 'The image "{image}" is not a valid image reference, so the pod cannot pull it',
    frozenRegistry: 'k8s.gcr.io is frozen and no longer receives images: use registry.k8s.io',
    latest:
      'The image uses {why}: each node may run a different version, and imagePullPolicy defaults to Always',
    latestTag: 'the tag latest',
    noTag: 'no tag',
  },
  {
    placeholder: '镜像 "{image}" 含有占位符 "{placeholder}"：它不是有效的镜像引用，Pod 无法拉取',
    invalid: '镜像 "{image}" 不是有效的镜像引用，Pod 无法拉取',
    frozenRegistry: 'k8s.gcr.io 已冻结，不再接收新镜像：请改用 registry.k8s.io',
    latest: '镜像使用了{why}：各节点可能运行不同版本，且 imagePullPolicy 默认为 Always',
    latestTag: ' latest 标签',
    noTag: '无标签的形式',
  },
);

/** The codes this module reports, with their documentation (`docs/rules.md`). */
const codes = {
  'lint/image-reference': {
    severity: 'warning',
    summary: 'An image that is not a valid image reference (often a placeholder such as <project>).',
    source: 'the distribution reference grammar the container runtime uses',
    example: 'image: gcr.io/<project>/worker',
  },
  'lint/frozen-registry': {
    severity: 'warning',
    summary: 'An image from the frozen k8s.gcr.io registry.',
    source: 'registry.k8s.io replaced k8s.gcr.io in 2023',
    example: 'image: k8s.gcr.io/pause:3.1',
  },
  'lint/image-latest': {
    severity: 'hint',
    summary: 'An image tagged latest or untagged.',
    source: 'imagePullPolicy defaults to Always for them (core/v1 defaults)',
    example: 'image: busybox',
  },
} satisfies CodeDocs;

/**
 * Image references the API server accepts but a node cannot use (`lint/image-reference`), the
 * frozen k8s.gcr.io registry (`lint/frozen-registry`), and `latest` or untagged images
 * (`lint/image-latest`, a hint).
 */
export const imageLint = defineRule({
  codes,
  kinds: ['Job', 'CronJob', 'DaemonSet'],
  check(context) {
    for (const container of allContainers(workloadRefs(context.workload))) {
      const ref = field(container, 'image');
      const image = stringValue(ref);
      if (!image) continue;
      const parsed = parseImageReference(image);
      if (!parsed) {
        const placeholder = findPlaceholder(image);
        reportApiError(context, {
          code: 'lint/image-reference',
          ref,
          severity: 'warning',
          message: formatMessage(messages, context.locale, placeholder ? 'placeholder' : 'invalid', {
            image,
            placeholder: placeholder ?? '',
          }),
          data: placeholder ? { placeholder } : {},
        });
        continue;
      }
      if (parsed.registry === 'k8s.gcr.io') {
        reportApiError(context, {
          code: 'lint/frozen-registry',
          ref,
          severity: 'warning',
          message: formatMessage(messages, context.locale, 'frozenRegistry'),
          data: { replacement: `registry.k8s.io${image.slice('k8s.gcr.io'.length)}` },
        });
      }
      if (!parsed.digest && (parsed.tag === null || parsed.tag === 'latest')) {
        const why = formatMessage(messages, context.locale, parsed.tag === null ? 'noTag' : 'latestTag');
        reportApiError(context, {
          code: 'lint/image-latest',
          ref,
          severity: 'hint',
          message: formatMessage(messages, context.locale, 'latest', { why }),
        });
      }
    }
  },
});
