import { kubernetesSources } from '../findings/codeDoc';
import type { CodeDocs } from '../findings/codeDoc';
import { defineCatalog, formatMessage } from '../l10n';
import type { MessageArgs } from '../l10n';
import { checkQualifiedName } from '../k8s/nameValidation';
import {
  compareQuantities,
  isNegativeQuantity,
  isWholeQuantity,
  parseQuantity,
  quantityValue,
} from '../k8s/quantity';
import type { Quantity } from '../k8s/quantity';
import { entries, field, withValue } from '../yaml/fieldRef';
import type { FieldRef } from '../yaml/fieldRef';
import { workloadRefs } from '../workload/workloadRefs';
import { podContainers } from './podContainers';
import { reportApiError } from './reportApiError';
import { defineRule } from './rule';
import type { RuleContext } from './rule';

const messages = defineCatalog(
  {
    nameSyntax: 'Invalid resource name "{value}": it must be a qualified name like a label key',
    nameNotStandard:
      'Invalid resource "{value}": a container may request cpu, memory, ephemeral-storage, hugepages-<size> or a fully qualified extended resource (vendor.example/gpu)',
    nameNotExtended: 'Invalid resource "{value}": it does not follow the extended resource name standard',
    negative: '{value} must be greater than or equal to 0',
    notInteger: '{value} must be an integer: {name} is counted in whole units',
    hugePagesDivisible: '{value} is not a positive integer multiple of the page size of {name}',
    requestAboveLimit: 'The {name} request {value} must be less than or equal to its limit {limit}',
    requestNotLimit:
      'The {name} request {value} must be equal to its limit {limit}: {name} cannot be overcommitted',
    limitRequired: 'A limit must be set for {name}, which cannot be overcommitted',
    hugePagesAlone: 'HugePages require a cpu or memory request or limit',
  },
  {
    nameSyntax: '无效的资源名称 "{value}"：必须是与标签键相同格式的限定名',
    nameNotStandard:
      '无效的资源 "{value}"：容器可以请求 cpu、memory、ephemeral-storage、hugepages-<大小> 或完整限定的扩展资源（如 vendor.example/gpu）',
    nameNotExtended: '无效的资源 "{value}"：不符合扩展资源的命名规范',
    negative: '{value} 必须大于或等于 0',
    notInteger: '{value} 必须是整数：{name} 以整数单位计数',
    hugePagesDivisible: '{value} 不是 {name} 页大小的正整数倍',
    requestAboveLimit: '{name} 的请求值 {value} 必须小于或等于其限制 {limit}',
    requestNotLimit: '{name} 的请求值 {value} 必须等于其限制 {limit}：{name} 不能超售',
    limitRequired: '{name} 不能超售，必须设置限制',
    hugePagesAlone: 'HugePages 需要同时请求或限制 cpu 或 memory',
  },
);

type Say = (key: keyof (typeof messages)['en'], args?: MessageArgs) => string;

/** The codes this module reports, with their documentation (`docs/rules.md`). */
const codes = {
  'pod/resource-name': {
    severity: 'error',
    summary:
      'A container resource name that is neither a standard container resource nor a valid extended resource.',
    source: `${kubernetesSources.core} validateContainerResourceName`,
    example: 'resources: {limits: {gpu: 1}}',
  },
  'pod/resource-quantity': {
    severity: 'error',
    summary:
      'A negative resource quantity, a fractional extended resource, or hugepages not a multiple of the page size.',
    source: `${kubernetesSources.core} ValidateResourceQuantityValue / validateResourceQuantityHugePageValue`,
    example: 'resources: {requests: {cpu: "-1"}}',
  },
  'pod/resource-request-limit': {
    severity: 'error',
    summary:
      'A request above its limit, or for hugepages and extended resources a request without an equal limit.',
    source: `${kubernetesSources.core} validateResourceRequirements`,
    example: 'resources: {requests: {memory: 2Gi}, limits: {memory: 1Gi}}',
  },
  'pod/hugepages': {
    severity: 'error',
    summary: 'Hugepages requested without any cpu or memory request or limit.',
    source: `${kubernetesSources.core} validateResourceRequirements`,
    example: 'resources: {limits: {hugepages-2Mi: 100Mi}}',
  },
} satisfies CodeDocs;
type Code = keyof typeof codes;

/** helper.IsStandardResourceName, without the hugepages prefixes (checked apart). */
const standardResources = new Set([
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'pods',
  'resourcequotas',
  'services',
  'replicationcontrollers',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'storage',
  'requests.storage',
  'services.nodeports',
  'services.loadbalancers',
]);
const standardContainerResources = new Set(['cpu', 'memory', 'ephemeral-storage']);

const isHugePages = (name: string): boolean => name.startsWith('hugepages-');
/** helper.IsNativeResource: unprefixed, or in the kubernetes.io/ namespace. */
const isNative = (name: string): boolean => !name.includes('/') || name.includes('kubernetes.io/');
/** helper.IsExtendedResourceName. */
const isExtended = (name: string): boolean =>
  !isNative(name) && !name.startsWith('requests.') && checkQualifiedName(`requests.${name}`).length === 0;
/** helper.IsOvercommitAllowed. */
const isOvercommitAllowed = (name: string): boolean => isNative(name) && !isHugePages(name);

/**
 * Each container's resources as ValidateContainerResourceRequirements checks them: resource
 * names, non-negative quantities (whole numbers for extended resources), request ≤ limit
 * (equal for hugepages and extended resources, which also need a limit), hugepages in whole
 * pages and never alone. Quantity syntax is the schema's.
 */
export const resourcesRule = defineRule({
  codes,
  kinds: ['Job', 'CronJob', 'DaemonSet'],
  check(context) {
    const say: Say = (key, args = {}) => formatMessage(messages, context.locale, key, args);
    for (const container of podContainers(workloadRefs(context.workload).podSpec))
      checkResources(context, say, field(container.ref, 'resources'));
  },
});

interface ResourceEntry {
  readonly name: string;
  readonly ref: FieldRef;
  readonly text: string;
  readonly quantity: Quantity | undefined;
}

function readList(list: FieldRef): ResourceEntry[] {
  return entries(list).map(({ key, ref }) => {
    const value = ref.node?.kind === 'scalar' ? ref.node.value : null;
    const written = typeof value === 'string' || typeof value === 'number' ? value : undefined;
    return {
      name: key,
      ref,
      text: String(written ?? ''),
      quantity: written === undefined ? undefined : parseQuantity(written),
    };
  });
}

function checkResources(context: RuleContext<Code>, say: Say, resources: FieldRef): void {
  if (resources.node?.kind !== 'map') return;
  const limitsRef = field(resources, 'limits');
  const requestsRef = field(resources, 'requests');
  const limits = readList(limitsRef);
  const requests = readList(requestsRef);
  const limitByName = new Map(limits.map((entry) => [entry.name, entry]));
  for (const entry of [...limits, ...requests]) {
    checkName(context, say, entry);
    checkQuantity(context, say, entry);
  }
  for (const request of requests) {
    const limit = limitByName.get(request.name);
    const args = { name: request.name, value: request.text, limit: limit?.text ?? '' };
    if (limit) {
      if (!request.quantity || !limit.quantity) continue;
      const order = compareQuantities(request.quantity, limit.quantity);
      // validateResourceRequirements reports these at `requests`, not at the resource's key.
      if (order !== 0 && !isOvercommitAllowed(request.name)) {
        reportApiError(context, {
          code: 'pod/resource-request-limit',
          ref: request.ref,
          path: requestsRef.path,
          type: 'Invalid',
          message: say('requestNotLimit', args),
        });
      } else if (order > 0) {
        reportApiError(context, {
          code: 'pod/resource-request-limit',
          ref: request.ref,
          path: requestsRef.path,
          type: 'Invalid',
          message: say('requestAboveLimit', args),
        });
      }
    } else if (!isOvercommitAllowed(request.name)) {
      reportApiError(context, {
        code: 'pod/resource-request-limit',
        ref: limitsRef,
        type: 'Required',
        message: say('limitRequired', args),
      });
    }
  }
  const all = [...limits, ...requests];
  if (
    all.some((entry) => isHugePages(entry.name)) &&
    !all.some((entry) => ['cpu', 'memory'].includes(entry.name))
  ) {
    reportApiError(context, {
      code: 'pod/hugepages',
      ref: resources,
      type: 'Forbidden',
      message: say('hugePagesAlone'),
    });
  }
}

/** validateContainerResourceName (validateResourceName first). */
function checkName(context: RuleContext<Code>, say: Say, entry: ResourceEntry): void {
  const { name } = entry;
  let problem: 'nameSyntax' | 'nameNotStandard' | 'nameNotExtended' | undefined;
  if (checkQualifiedName(name).length > 0) problem = 'nameSyntax';
  else if (!name.includes('/')) {
    // validateResourceName's "must be a standard resource type or fully qualified" and
    // validateContainerResourceName's "must be a standard resource for containers" are one
    // finding: both say which names a container may use.
    if (!standardResources.has(name) || !standardContainerResources.has(name)) {
      if (!isHugePages(name)) problem = 'nameNotStandard';
    }
  } else if (!isNative(name) && !isExtended(name)) problem = 'nameNotExtended';
  if (problem) {
    // The key is the field; underline it rather than the quantity.
    reportApiError(context, {
      code: 'pod/resource-name',
      ref: withValue(entry.ref, entry.ref.node, entry.ref.keyRange),
      type: 'Invalid',
      message: say(problem, { value: name }),
    });
  }
}

/** ValidateResourceQuantityValue and validateResourceQuantityHugePageValue. */
function checkQuantity(context: RuleContext<Code>, say: Say, entry: ResourceEntry): void {
  const { quantity, name, text } = entry;
  if (!quantity) return;
  const report = (key: 'negative' | 'notInteger' | 'hugePagesDivisible'): void =>
    reportApiError(context, {
      code: 'pod/resource-quantity',
      ref: entry.ref,
      type: 'Invalid',
      message: say(key, { value: text, name }),
    });
  if (isNegativeQuantity(quantity)) report('negative');
  // IsIntegerResourceName: the object counts of quotas, which a container cannot name, and
  // extended resources.
  if (isExtended(name) && !isWholeQuantity(quantity)) report('notInteger');
  if (isHugePages(name)) {
    const pageSize = parseQuantity(name.slice('hugepages-'.length));
    const divisible =
      pageSize !== undefined &&
      compareQuantities(pageSize, { numerator: 0n, denominator: 1n }) > 0 &&
      isWholeQuantity(pageSize) &&
      quantityValue(quantity) % quantityValue(pageSize) === 0n;
    if (!divisible) report('hugePagesDivisible');
  }
}
