/**
 * Micro-benchmarks of the pure core (issues 4, 5 and 6): the next 1,000 runs of a schedule in a
 * DST zone, hovers, and the simulator's large cases. Run by `npm run bench:micro`; medians of
 * repeated runs after a warm-up, in one process, so the JIT is warm as in a running server.
 */
import { lineAt } from '../server/src/core/text/offsetRange';
import { analyzeDocument } from '../server/src/core/analysis/analyzeDocument';
import { computeNextRuns, parseCronSchedule } from '../server/src/core/cron';
import { computeHover } from '../server/src/core/editor/editorFeatures';
import { defaultSettings } from '../server/src/core/settings';
import { simulateDocument } from '../server/src/core/simulator';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function time(repeats: number, action: () => unknown): number {
  action();
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    action();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

const rows: [string, string, number, string][] = [];
const record = (what: string, goal: string, ms: number, unit = 'ms'): void => {
  rows.push([what, goal, ms, unit]);
  process.stderr.write(`${what}: ${ms.toFixed(2)} ${unit}\n`);
};

// Issue 4: the next 1,000 runs of a complex schedule in a DST zone.
const complex = parseCronSchedule('*/7 1-3,9-17 1-15 1-6,9-12 1-5');
if (!complex.ok) throw new Error('the benchmark schedule must parse');
record(
  'next 1,000 runs of `*/7 1-3,9-17 1-15 1-6,9-12 1-5` in America/New_York',
  '< 5 ms',
  time(50, () => computeNextRuns(complex, Date.UTC(2026, 0, 1), 'America/New_York', 1000)),
);

// Issues 4 and 5: hovers, with analysis done beforehand as the server does.
const cronJob = (i: number): string => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: report-${i}
spec:
  schedule: "30 9 * * 1-5"
  timeZone: Europe/London
  concurrencyPolicy: Forbid
  jobTemplate:
    spec:
      backoffLimit: 3
      template:
        spec:
          containers:
          - name: report
            image: busybox:1.36
          restartPolicy: OnFailure
`;
const job = (i: number): string => `apiVersion: batch/v1
kind: Job
metadata:
  name: pi-${i}
spec:
  completions: 8
  parallelism: 3
  backoffLimit: 4
  activeDeadlineSeconds: 600
  template:
    spec:
      containers:
      - name: pi
        image: perl:5.34.0
      restartPolicy: Never
`;
const file = Array.from({ length: 1000 }, (_, i) => (i % 2 === 0 ? job(i) : cronJob(i))).join('---\n');
const analysis = analyzeDocument(file, defaultSettings);
const context = {
  lineAt: (offset: number) => lineAt(file, offset),
  analysis,
  settings: defaultSettings,
  locale: 'en' as const,
  kubernetesVersion: analysis.kubernetesVersion,
  now: Date.UTC(2026, 10, 22, 12),
  localTimeZone: 'Asia/Shanghai',
  // A hover that fails must not be timed as a fast answer.
  reportError: (feature: string, error: unknown): never => {
    throw new Error(`${feature} failed`, { cause: error });
  },
};
const middle = file.indexOf('name: report-501');
record(
  'hover on a schedule (1,000-document file)',
  '< 10 ms',
  time(200, () => computeHover(context, file.indexOf('schedule', middle) + 2)),
);
record(
  'hover on backoffLimit (1,000-document file)',
  '< 10 ms',
  time(200, () => computeHover(context, file.indexOf('backoffLimit', file.indexOf('name: pi-500')) + 2)),
);

// Issue 6: the simulator's large cases.
const bigJob = `apiVersion: batch/v1
kind: Job
metadata: {name: big}
spec:
  completions: 100000
  parallelism: 1000
  template:
    spec:
      containers: [{name: c, image: busybox:1.36}]
      restartPolicy: Never
`;
record(
  'simulate a Job of 100,000 completions at parallelism 1,000',
  '< 1 s',
  time(3, () => simulateDocument(bigJob)),
);
const everyMinute = `apiVersion: batch/v1
kind: CronJob
metadata: {name: every-minute}
spec:
  schedule: "* * * * *"
  concurrencyPolicy: Forbid
  jobTemplate:
    spec:
      template:
        spec:
          containers: [{name: c, image: busybox:1.36}]
          restartPolicy: OnFailure
`;
record(
  'simulate a CronJob every minute for a year under Forbid',
  '< 2 s',
  time(3, () => simulateDocument(everyMinute, { scenarioText: 'horizon: 365d\npods: {runTime: 90s}\n' })),
);
// Absurd input ends at once, with a truncation reason (issue 6).
const absurdJob = bigJob
  .replace('completions: 100000', 'completions: 1000000000')
  .replace('parallelism: 1000', 'parallelism: 1000000000');
record(
  'absurd input: a Job of 10⁹ completions at parallelism 10⁹ (truncated)',
  '< 1 s',
  time(3, () => simulateDocument(absurdJob)),
);
record(
  'absurd input: a CronJob every minute for a century (truncated)',
  '< 1 s',
  time(3, () => simulateDocument(everyMinute, { scenarioText: 'horizon: 36500d\n' })),
);
const daemonSet = `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  updateStrategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 10%}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers: [{name: c, image: busybox:1.36}]
`;
record(
  'simulate a DaemonSet rolling update over 5,000 nodes',
  '< 1 s',
  time(3, () =>
    simulateDocument(daemonSet, {
      scenarioText: 'nodes:\n  - name: node\n    count: 5000\nevents:\n  - {at: 1m, type: changeTemplate}\n',
    }),
  ),
);

// Issue 20: runs within the default limits that took minutes on the server's thread.
const everyMinuteAllow = everyMinute.replace('concurrencyPolicy: Forbid', 'concurrencyPolicy: Allow');
record(
  'simulate a CronJob every minute under Allow, one-day runs, for 400 days',
  '< 2 s',
  time(3, () => simulateDocument(everyMinuteAllow, { scenarioText: 'horizon: 400d\npods: {runTime: 1d}\n' })),
);
const perIndex = `apiVersion: batch/v1
kind: Job
metadata: {name: per-index}
spec:
  completionMode: Indexed
  completions: 100
  parallelism: 10
  backoffLimitPerIndex: 2147483647
  template:
    spec:
      containers: [{name: c, image: busybox:1.36}]
      restartPolicy: Never
`;
record(
  'simulate backoffLimitPerIndex 2³¹−1 with every pod failing, to maxPods',
  '< 2 s',
  time(3, () => simulateDocument(perIndex, { scenarioText: 'pods: {exitCodes: [{exitCode: 1}]}\n' })),
);
record(
  'simulate a DaemonSet on 100,000 nodes (the most a scenario may declare)',
  '< 2 s',
  time(3, () => simulateDocument(daemonSet, { scenarioText: 'nodes:\n  - name: node\n    count: 100000\n' })),
);

process.stdout.write('| What | Goal | Median |\n|---|---|---|\n');
for (const [what, goal, ms, unit] of rows)
  process.stdout.write(`| ${what} | ${goal} | ${ms.toFixed(2)} ${unit} |\n`);
