import type { Severity } from '../findings/finding';

/** What `docs/rules.md` and SARIF's rule metadata say about one finding code. */
export interface RuleDoc {
  readonly code: string;
  /** The usual severity (a few codes are warnings in some cases). */
  readonly severity: Severity;
  /** What it checks, in one sentence. */
  readonly summary: string;
  /** The Kubernetes source it mirrors, or why it exists. */
  readonly source: string;
  /** A manifest fragment that triggers it. */
  readonly example: string;
}

const batch = 'pkg/apis/batch/validation/validation.go';
const apps = 'pkg/apis/apps/validation/validation.go';
const core = 'pkg/apis/core/validation/validation.go';
const meta = 'k8s.io/apimachinery/pkg/api/validation (ValidateObjectMeta)';

/** Every finding code Podline reports, documented; a test keeps this list complete. */
export const ruleDocs: readonly RuleDoc[] = [
  {
    code: 'yaml/syntax',
    severity: 'error',
    summary: 'The YAML cannot be parsed at this place.',
    source: 'YAML 1.1 as sigs.k8s.io/yaml (go-yaml v2) reads it',
    example: 'image: fluentd/fluentd: v1.4-1',
  },
  {
    code: 'yaml/duplicate-key',
    severity: 'error',
    summary: 'A key appears twice in one mapping.',
    source: "kubectl's strict decoding (fieldValidation=Strict) rejects duplicate fields",
    example: '- name: a\n  name: b',
  },
  {
    code: 'yaml/non-scalar-key',
    severity: 'error',
    summary: 'A mapping key is a collection.',
    source: 'sigs.k8s.io/yaml cannot convert it to JSON',
    example: '? [a, b]\n: 1',
  },
  {
    code: 'yaml/excessive-aliasing',
    severity: 'error',
    summary: 'Aliases would expand into an enormous object (an alias bomb).',
    source: 'go-yaml v2 decode.go allowedAliasRatio',
    example: 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
  },
  {
    code: 'yaml/too-deep',
    severity: 'warning',
    summary: 'Nesting deeper than 200 levels; the file is not analysed.',
    source: 'Podline bounds its parser on hostile input',
    example: '[[[[[[ ... ]]]]]]',
  },
  {
    code: 'yaml/too-many-errors',
    severity: 'info',
    summary: 'More than 50 syntax errors; the rest are counted.',
    source: 'Podline',
    example: '(a binary or non-YAML file)',
  },
  {
    code: 'file/too-large',
    severity: 'warning',
    summary: 'The file is larger than podline.maxFileSize and is not analysed.',
    source: 'Podline',
    example: '(a 10 MB file)',
  },
  {
    code: 'file/binary',
    severity: 'error',
    summary: 'The file is not text.',
    source: 'Podline',
    example: '(random bytes)',
  },
  {
    code: 'file/template',
    severity: 'warning',
    summary: 'The file is a Jinja, Helm or Go template, not a manifest: render it first.',
    source: 'Podline',
    example: 'name: job-{{ name }}',
  },
  {
    code: 'internal/parse-failure',
    severity: 'warning',
    summary: 'Podline failed to read the file; please report it.',
    source: 'Podline',
    example: '',
  },
  {
    code: 'internal/rule-failure',
    severity: 'warning',
    summary: 'A Podline rule failed on this document; please report it.',
    source: 'Podline',
    example: '',
  },
  {
    code: 'podline/unknown-kubernetes-version',
    severity: 'warning',
    summary: 'The `# podline: kubernetes=X.Y` comment names a version Podline does not ship.',
    source: 'Podline',
    example: '# podline: kubernetes=1.12',
  },
  {
    code: 'schema/unknown-field',
    severity: 'error',
    summary: 'A field the target Kubernetes version does not know.',
    source: "kubectl's strict field validation (unknown field)",
    example: 'spec:\n  template:\n    metadata:\n      spec: {}',
  },
  {
    code: 'schema/field-requires-version',
    severity: 'error',
    summary: 'A field that exists only in a newer Kubernetes version than the target.',
    source: 'the OpenAPI schemas of each version',
    example: '# podline: kubernetes=1.27\nspec:\n  podReplacementPolicy: Failed',
  },
  {
    code: 'schema/type',
    severity: 'error',
    summary: 'A value of the wrong type (a string for an integer, an int32 overflow).',
    source: 'JSON decoding into the Go types',
    example: 'backoffLimit: "4"',
  },
  {
    code: 'schema/enum',
    severity: 'error',
    summary: 'A value outside the field’s enumeration.',
    source: 'the OpenAPI enums that validation enforces',
    example: 'imagePullPolicy: Sometimes',
  },
  {
    code: 'schema/required',
    severity: 'error',
    summary: 'A field validation requires is missing.',
    source: `${core} and the OpenAPI required lists`,
    example: 'env:\n- value: x',
  },
  {
    code: 'schema/removed-api-version',
    severity: 'error',
    summary: 'An apiVersion removed from Kubernetes (CronJob batch/v1beta1, DaemonSet extensions/v1beta1).',
    source: 'Kubernetes deprecation guide',
    example: 'apiVersion: batch/v1beta1\nkind: CronJob',
  },
  {
    code: 'schema/unknown-api-version',
    severity: 'error',
    summary: 'An apiVersion that never served this kind.',
    source: 'the API groups of each version',
    example: 'apiVersion: batch/v2\nkind: Job',
  },
  {
    code: 'metadata/name',
    severity: 'error',
    summary: 'metadata.name is missing or not a DNS-1123 subdomain (unexpanded placeholders are named).',
    source: `${meta} NameIsDNSSubdomain`,
    example: 'name: process-item-$ITEM',
  },
  {
    code: 'metadata/labels',
    severity: 'error',
    summary:
      'A label key or value is not valid label syntax (also template labels, at spec.template.labels).',
    source: `${meta} ValidateLabels`,
    example: 'labels: {"-bad": x}',
  },
  {
    code: 'metadata/annotations',
    severity: 'error',
    summary: 'An annotation key is not a qualified name, or annotations exceed 256 KiB.',
    source: `${meta} ValidateAnnotations`,
    example: 'annotations: {"a b": x}',
  },
  {
    code: 'cronjob/name-too-long',
    severity: 'error',
    summary: 'A CronJob name longer than 52 characters (its Jobs append 11 digits).',
    source: `${batch} ValidateCronJobCreate`,
    example: 'name: <53 characters>',
  },
  {
    code: 'workload/name-not-dns-label',
    severity: 'warning',
    summary: 'A Job or CronJob name that is a subdomain but not a DNS label (used in pod hostnames).',
    source: 'pkg/api/job/warnings.go',
    example: 'name: my.job',
  },
  {
    code: 'pod/containers',
    severity: 'error',
    summary: 'The pod template has no containers (or no spec).',
    source: `${core} ValidatePodTemplateSpec`,
    example: 'template:\n  metadata:\n    spec: {}',
  },
  {
    code: 'pod/container-name',
    severity: 'error',
    summary: 'A container name is missing, not a DNS-1123 label, or duplicated.',
    source: `${core} validateContainers`,
    example: '- name: Main',
  },
  {
    code: 'pod/image-required',
    severity: 'error',
    summary: 'A container without an image.',
    source: `${core} validateContainers`,
    example: '- name: main',
  },
  {
    code: 'pod/volume-mount',
    severity: 'error',
    summary: 'A volumeMount names a volume spec.volumes does not define.',
    source: `${core} ValidateVolumeMounts`,
    example: 'volumeMounts: [{name: data, mountPath: /d}]',
  },
  {
    code: 'pod/active-deadline-seconds',
    severity: 'error',
    summary: 'The pod activeDeadlineSeconds outside 1..2147483647.',
    source: `${core} ValidatePodSpec`,
    example: 'activeDeadlineSeconds: 0',
  },
  {
    code: 'pod/node-selector',
    severity: 'error',
    summary: 'nodeSelector labels that are not valid label syntax.',
    source: `${core} ValidatePodSpec`,
    example: 'nodeSelector: {disk: "s s d"}',
  },
  {
    code: 'pod/toleration',
    severity: 'error',
    summary: 'A toleration whose key, operator, value or effect the API server rejects.',
    source: `${core} ValidateTolerations`,
    example: '- {key: k, operator: Exists, value: v}',
  },
  {
    code: 'pod/container-restart-policy',
    severity: 'error',
    summary: 'restartPolicy on a regular container, or other than Always on an init container.',
    source: `${core} validateInitContainers / validateContainers`,
    example: 'initContainers: [{name: i, image: x, restartPolicy: Never}]',
  },
  {
    code: 'pod/ephemeral-containers',
    severity: 'error',
    summary: 'Ephemeral containers in a pod template.',
    source: `${core} ValidatePodTemplateSpec`,
    example: 'ephemeralContainers: [...]',
  },
  {
    code: 'job/restart-policy',
    severity: 'error',
    summary:
      'A Job (or CronJob jobTemplate) restartPolicy other than OnFailure or Never; Never only with a podFailurePolicy.',
    source: `${batch} validateJobSpec`,
    example: 'restartPolicy: Always',
  },
  {
    code: 'daemonset/restart-policy',
    severity: 'error',
    summary: 'A DaemonSet restartPolicy other than Always.',
    source: `${apps} ValidateDaemonSetSpec`,
    example: 'restartPolicy: Never',
  },
  {
    code: 'job/negative-count',
    severity: 'error',
    summary:
      'parallelism, completions, backoffLimit, activeDeadlineSeconds, ttlSecondsAfterFinished, backoffLimitPerIndex or maxFailedIndexes below 0.',
    source: `${batch} validateJobSpec`,
    example: 'backoffLimit: -1',
  },
  {
    code: 'job/completion-mode',
    severity: 'error',
    summary:
      'completionMode and the Indexed limits: completions required, parallelism ≤ 100000, per-index backoff only when Indexed.',
    source: `${batch} validateJobSpec`,
    example: 'completionMode: Indexed\nparallelism: 3',
  },
  {
    code: 'job/indexed-tracking-limit',
    severity: 'warning',
    summary: 'An Indexed Job with completions above 100000 and parallelism above 10000.',
    source: 'pkg/api/job/warnings.go',
    example: 'completions: 200000\nparallelism: 20000',
  },
  {
    code: 'job/indexed-hostname',
    severity: 'error',
    summary: 'An Indexed Job whose largest pod hostname <name>-<completions-1> is not a DNS label.',
    source: `${batch} ValidateJob`,
    example: 'name: <60 characters>\ncompletionMode: Indexed',
  },
  {
    code: 'job/pod-failure-policy',
    severity: 'error',
    summary: 'A podFailurePolicy rule the API server rejects (actions, operators, exit codes, conditions).',
    source: `${batch} validatePodFailurePolicy`,
    example: 'onExitCodes: {operator: In, values: [0]}',
  },
  {
    code: 'job/success-policy',
    severity: 'error',
    summary:
      'A successPolicy the API server rejects (Indexed only, rule shape, succeededIndexes syntax, succeededCount bounds).',
    source: `${batch} validateSuccessPolicy`,
    example: 'successPolicy: {rules: [{succeededIndexes: "3-1"}]}',
  },
  {
    code: 'job/pod-replacement-policy',
    severity: 'error',
    summary:
      'A podReplacementPolicy other than Failed/TerminatingOrFailed (only Failed with a podFailurePolicy).',
    source: `${batch} validatePodReplacementPolicy`,
    example: 'podReplacementPolicy: ""',
  },
  {
    code: 'job/managed-by',
    severity: 'error',
    summary: 'managedBy that is not a domain-prefixed path of at most 63 characters.',
    source: `${batch} validateJobSpec`,
    example: 'managedBy: my-controller',
  },
  {
    code: 'job/selector',
    severity: 'error',
    summary:
      'A Job selector that is not auto-generated, missing with manualSelector, malformed, or not matching the template labels.',
    source: `${batch} ValidateJob / validateGeneratedSelector`,
    example: 'selector:\n  matchLabels: {app: pi}',
  },
  {
    code: 'job/generated-label',
    severity: 'error',
    summary: 'A template label Kubernetes generates (job-name, controller-uid) set to another value.',
    source: `${batch} validateGeneratedSelector`,
    example: 'labels: {job-name: other}',
  },
  {
    code: 'cronjob/job-template-selector',
    severity: 'error',
    summary: 'A CronJob jobTemplate with a selector or manualSelector: true.',
    source: `${batch} validateCronJobSpec`,
    example: 'jobTemplate:\n  spec:\n    selector: {...}',
  },
  {
    code: 'cronjob/schedule-required',
    severity: 'error',
    summary: 'A CronJob without a schedule.',
    source: `${batch} validateCronJobSpec`,
    example: 'schedule: ""',
  },
  {
    code: 'cronjob/schedule-syntax',
    severity: 'error',
    summary: 'A schedule robfig/cron v3 ParseStandard rejects; the range points at the field and part.',
    source: `${batch} validateCronJobSpec (cron.ParseStandard)`,
    example: 'schedule: "60 * * * *"',
  },
  {
    code: 'cronjob/schedule-tz',
    severity: 'error',
    summary:
      'TZ= or CRON_TZ= in the schedule, which Kubernetes rejects on create; the quick fix moves it to spec.timeZone.',
    source: `${batch} validateCronJobSpec`,
    example: 'schedule: "TZ=Asia/Tokyo 0 9 * * *"',
  },
  {
    code: 'cronjob/schedule-weekday-7',
    severity: 'error',
    summary: 'Day of week 7: Kubernetes cron counts Sunday as 0 only; the quick fix writes 0.',
    source: 'robfig/cron v3 (day of week 0-6)',
    example: 'schedule: "0 9 * * 7"',
  },
  {
    code: 'cronjob/schedule-six-fields',
    severity: 'error',
    summary: 'Six fields: Kubernetes cron has no seconds (or year) field.',
    source: 'robfig/cron v3 ParseStandard',
    example: 'schedule: "0 0 9 * * *"',
  },
  {
    code: 'cronjob/schedule-never-fires',
    severity: 'error',
    summary: 'A schedule that parses but never fires (30 February): the controller creates no Jobs.',
    source: 'pkg/controller/cronjob (InvalidSchedule)',
    example: 'schedule: "0 0 30 2 *"',
  },
  {
    code: 'cronjob/schedule-step',
    severity: 'warning',
    summary:
      'A */n step that does not divide its range (an uneven gap at the wrap), or a step larger than the range.',
    source: 'robfig/cron v3 getRange',
    example: 'schedule: "*/7 * * * *"',
  },
  {
    code: 'cronjob/schedule-day-or',
    severity: 'warning',
    summary: 'Day of month and day of week both restricted: they combine with OR, not AND.',
    source: 'robfig/cron v3 dayMatches',
    example: 'schedule: "0 0 13 * 5"',
  },
  {
    code: 'cronjob/no-time-zone',
    severity: 'info',
    summary: "No timeZone: the schedule runs in the controller's local zone, usually UTC.",
    source: `${batch} (timeZone is optional)`,
    example: 'schedule: "0 9 * * *"',
  },
  {
    code: 'cronjob/schedule-overlap',
    severity: 'warning',
    summary:
      'The schedule fires more often than a Job may run (activeDeadlineSeconds); says what concurrencyPolicy then does.',
    source: 'pkg/controller/cronjob concurrencyPolicy handling',
    example: 'schedule: "* * * * *"\nactiveDeadlineSeconds: 600',
  },
  {
    code: 'cronjob/time-zone',
    severity: 'error',
    summary: 'timeZone empty, Local, or unknown to Go’s time zone database.',
    source: `${batch} validateTimeZone`,
    example: 'timeZone: Local',
  },
  {
    code: 'cronjob/negative-field',
    severity: 'error',
    summary: 'startingDeadlineSeconds or a history limit below 0.',
    source: `${batch} validateCronJobSpec`,
    example: 'startingDeadlineSeconds: -1',
  },
  {
    code: 'cronjob/concurrency-policy',
    severity: 'error',
    summary: 'concurrencyPolicy other than Allow, Forbid or Replace.',
    source: `${batch} validateCronJobSpec`,
    example: 'concurrencyPolicy: forbid',
  },
  {
    code: 'cronjob/short-starting-deadline',
    severity: 'warning',
    summary:
      'startingDeadlineSeconds under 10 s (warning) or under a minute (hint): runs that start late are skipped.',
    source: 'pkg/controller/cronjob (the controller resyncs about every 10 s)',
    example: 'startingDeadlineSeconds: 5',
  },
  {
    code: 'daemonset/selector',
    severity: 'error',
    summary: 'A DaemonSet selector that is missing, empty, malformed or not matching the template labels.',
    source: `${apps} ValidateDaemonSetSpec`,
    example: 'selector: {}',
  },
  {
    code: 'daemonset/active-deadline-seconds',
    severity: 'error',
    summary: 'activeDeadlineSeconds in a DaemonSet pod template.',
    source: `${apps} ValidateDaemonSetSpec`,
    example: 'activeDeadlineSeconds: 30',
  },
  {
    code: 'daemonset/negative-field',
    severity: 'error',
    summary: 'minReadySeconds or revisionHistoryLimit below 0.',
    source: `${apps} ValidateDaemonSetSpec`,
    example: 'minReadySeconds: -1',
  },
  {
    code: 'daemonset/update-strategy',
    severity: 'error',
    summary: 'An updateStrategy type other than RollingUpdate or OnDelete (reported at spec.updateStrategy).',
    source: `${apps} ValidateDaemonSetUpdateStrategy`,
    example: 'updateStrategy: {type: Recreate}',
  },
  {
    code: 'daemonset/rolling-update',
    severity: 'error',
    summary:
      'maxUnavailable/maxSurge after defaulting: not int ≥ 0 or percent ≤ 100%, both non-zero, or both zero.',
    source: `${apps} ValidateRollingUpdateDaemonSet`,
    example: 'rollingUpdate: {maxSurge: 1}',
  },
  {
    code: 'lint/image-reference',
    severity: 'warning',
    summary: 'An image that is not a valid image reference (often a placeholder such as <project>).',
    source: 'the distribution reference grammar the container runtime uses',
    example: 'image: gcr.io/<project>/worker',
  },
  {
    code: 'lint/frozen-registry',
    severity: 'warning',
    summary: 'An image from the frozen k8s.gcr.io registry.',
    source: 'registry.k8s.io replaced k8s.gcr.io in 2023',
    example: 'image: k8s.gcr.io/pause:3.1',
  },
  {
    code: 'lint/image-latest',
    severity: 'hint',
    summary: 'An image tagged latest or untagged.',
    source: 'imagePullPolicy defaults to Always for them (core/v1 defaults)',
    example: 'image: busybox',
  },
  {
    code: 'lint/control-plane-toleration',
    severity: 'warning',
    summary:
      'A toleration of the pre-1.24 node-role.kubernetes.io/master taint without the control-plane one.',
    source: 'kubeadm renamed the taint in 1.24',
    example: '- key: node-role.kubernetes.io/master',
  },
  {
    code: 'lint/template-name',
    severity: 'hint',
    summary: 'metadata.name in a pod template, which controllers ignore.',
    source: 'the Job and DaemonSet controllers name pods <owner>-<suffix>',
    example: 'template:\n  metadata:\n    name: x',
  },
  {
    code: 'lint/job-ttl',
    severity: 'info',
    summary: 'A Job without ttlSecondsAfterFinished: it and its pods stay after finishing.',
    source: 'pkg/controller/ttlafterfinished',
    example: 'kind: Job (no ttlSecondsAfterFinished)',
  },
  {
    code: 'lint/cronjob-starting-deadline',
    severity: 'info',
    summary: 'A CronJob without startingDeadlineSeconds.',
    source: 'pkg/controller/cronjob/utils.go (TooManyMissedTimes after 100 missed runs)',
    example: 'kind: CronJob (no startingDeadlineSeconds)',
  },
  {
    code: 'lint/resource-requests',
    severity: 'hint',
    summary: 'A container with neither resource requests nor limits.',
    source: 'scheduling by requests',
    example: '- name: main\n  image: x',
  },
  {
    code: 'lint/job-probe',
    severity: 'info',
    summary: 'A readiness or startup probe on a Job pod: it does not gate completion.',
    source: 'the Job controller counts exits, not readiness',
    example: 'readinessProbe: {...}',
  },
];

/** The documentation of a code, if it has any. */
export function ruleDocFor(code: string): RuleDoc | undefined {
  return ruleDocs.find((doc) => doc.code === code);
}
