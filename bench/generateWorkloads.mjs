// Generates the benchmark's workload files: a realistic mix of Jobs, CronJobs and DaemonSets,
// deterministic for a given size, with or without errors. Also names the positions the
// benchmark hovers and types at, so both servers are asked exactly the same things.

/** The kinds in the order they repeat: Jobs are the most common, then CronJobs. */
const kindCycle = ['Job', 'CronJob', 'Job', 'DaemonSet', 'CronJob'];

/**
 * Which error each erroneous document gets, in turn. The last one only Podline knows about: a
 * CronJob schedule with four fields, or a restartPolicy the kind does not allow.
 */
export const errorKinds = ['duplicate-key', 'unknown-field', 'wrong-type', 'api-rule'];

/** Every this many documents, one has an error (in the files with errors). */
const errorEvery = 10;

const teams = ['analytics', 'billing', 'search', 'platform', 'ingest', 'ml'];
const images = ['python:3.12-slim', 'busybox:1.36', 'alpine:3.20', 'postgres:16.4', 'redis:7.4'];

/**
 * The error a document gets: none in a clean file; in a file with errors, one document in ten
 * (at a place in its group of ten that moves, so every kind gets every error), and the only
 * document of a one-document file (which gets two: a duplicate key and an unknown field, so
 * that a schema-only validator has something to find).
 */
function errorsFor(index, count, withErrors) {
  if (!withErrors) return [];
  if (count === 1) return ['duplicate-key', 'unknown-field'];
  const group = Math.floor(index / errorEvery);
  if (index % errorEvery !== 3 + (group % 5)) return [];
  return [errorKinds[group % errorKinds.length]];
}

function job(index, errors, indent = '') {
  const team = teams[index % teams.length];
  const image = images[index % images.length];
  const completions = 1 + (index % 4);
  const lines = [
    `backoffLimit: ${index % 6}`,
    ...(errors.includes('duplicate-key') ? [`backoffLimit: 2`] : []),
    `completions: ${completions}`,
    errors.includes('wrong-type') ? `parallelism: "${completions}"` : `parallelism: ${completions}`,
    `activeDeadlineSeconds: ${600 + index}`,
    `ttlSecondsAfterFinished: 86400`,
    `template:`,
    `  metadata:`,
    `    labels:`,
    `      app.kubernetes.io/name: task-${index}`,
    `      app.kubernetes.io/part-of: ${team}`,
    `  spec:`,
    `    restartPolicy: ${errors.includes('api-rule') ? 'Always' : index % 2 === 0 ? 'Never' : 'OnFailure'}`,
    `    serviceAccountName: ${team}-runner`,
    `    securityContext:`,
    `      runAsNonRoot: true`,
    `      runAsUser: ${1000 + (index % 50)}`,
    `      fsGroup: 2000`,
    `    containers:`,
    `      - name: task`,
    `        image: ${image}`,
    `        imagePullPolicy: IfNotPresent`,
    `        command: ["sh", "-c"]`,
    `        args:`,
    `          - echo "processing batch ${index}" && sleep ${index % 30}`,
    `        env:`,
    `          - name: BATCH_ID`,
    `            value: "${index}"`,
    `          - name: LOG_LEVEL`,
    `            value: info`,
    `          - name: DB_PASSWORD`,
    `            valueFrom:`,
    `              secretKeyRef:`,
    `                name: ${team}-db`,
    `                key: password`,
    ...(errors.includes('unknown-field') ? [`        imagePullPolcy: Always`] : []),
    `        resources:`,
    `          requests:`,
    `            cpu: ${100 + (index % 8) * 50}m`,
    `            memory: ${128 * (1 + (index % 4))}Mi`,
    `          limits:`,
    `            memory: ${256 * (1 + (index % 4))}Mi`,
    `        volumeMounts:`,
    `          - name: scratch`,
    `            mountPath: /scratch`,
    `    volumes:`,
    `      - name: scratch`,
    `        emptyDir:`,
    `          sizeLimit: 1Gi`,
  ];
  return lines.map((line) => indent + line);
}

function jobDocument(index, errors) {
  const team = teams[index % teams.length];
  return [
    'apiVersion: batch/v1',
    'kind: Job',
    'metadata:',
    `  name: task-${index}`,
    `  namespace: ${team}`,
    '  labels:',
    `    app.kubernetes.io/name: task-${index}`,
    `    app.kubernetes.io/part-of: ${team}`,
    '  annotations:',
    `    example.com/owner: ${team}@example.com`,
    'spec:',
    ...job(index, errors, '  '),
  ];
}

function cronJobDocument(index, errors) {
  const team = teams[index % teams.length];
  const schedule = errors.includes('api-rule') ? '*/5 * * *' : `${index % 60} ${index % 24} * * *`;
  const jobErrors = errors.filter((error) => error !== 'api-rule');
  return [
    'apiVersion: batch/v1',
    'kind: CronJob',
    'metadata:',
    `  name: nightly-${index}`,
    `  namespace: ${team}`,
    '  labels:',
    `    app.kubernetes.io/name: nightly-${index}`,
    `    app.kubernetes.io/part-of: ${team}`,
    'spec:',
    `  schedule: "${schedule}"`,
    '  timeZone: Europe/Berlin',
    `  concurrencyPolicy: ${['Forbid', 'Replace', 'Allow'][index % 3]}`,
    '  startingDeadlineSeconds: 300',
    '  successfulJobsHistoryLimit: 3',
    '  failedJobsHistoryLimit: 1',
    '  jobTemplate:',
    '    metadata:',
    '      labels:',
    `        app.kubernetes.io/name: nightly-${index}`,
    '    spec:',
    ...job(index, jobErrors, '      '),
  ];
}

function daemonSetDocument(index, errors) {
  const team = teams[index % teams.length];
  return [
    'apiVersion: apps/v1',
    'kind: DaemonSet',
    'metadata:',
    `  name: agent-${index}`,
    '  namespace: kube-system',
    '  labels:',
    `    app.kubernetes.io/name: agent-${index}`,
    ...(errors.includes('duplicate-key') ? ['  namespace: monitoring'] : []),
    'spec:',
    '  selector:',
    '    matchLabels:',
    `      app.kubernetes.io/name: agent-${index}`,
    '  updateStrategy:',
    '    type: RollingUpdate',
    '    rollingUpdate:',
    '      maxUnavailable: 1',
    errors.includes('wrong-type') ? '  minReadySeconds: "10"' : '  minReadySeconds: 10',
    '  revisionHistoryLimit: 5',
    '  template:',
    '    metadata:',
    '      labels:',
    `        app.kubernetes.io/name: agent-${index}`,
    `        app.kubernetes.io/part-of: ${team}`,
    '    spec:',
    '      serviceAccountName: node-agent',
    ...(errors.includes('api-rule') ? ['      restartPolicy: OnFailure'] : []),
    '      priorityClassName: system-node-critical',
    '      tolerations:',
    '        - key: node-role.kubernetes.io/control-plane',
    '          operator: Exists',
    '          effect: NoSchedule',
    '      containers:',
    '        - name: agent',
    `          image: registry.example.com/${team}/agent:2.${index % 10}.1`,
    '          ports:',
    '            - name: metrics',
    `              containerPort: ${9100 + (index % 50)}`,
    '              protocol: TCP',
    '          env:',
    '            - name: NODE_NAME',
    '              valueFrom:',
    '                fieldRef:',
    '                  fieldPath: spec.nodeName',
    ...(errors.includes('unknown-field') ? ['          livenesProbe: {}'] : []),
    '          readinessProbe:',
    '            httpGet:',
    '              path: /ready',
    '              port: metrics',
    '            periodSeconds: 10',
    '          resources:',
    '            requests:',
    '              cpu: 50m',
    '              memory: 64Mi',
    '            limits:',
    '              memory: 128Mi',
    '          securityContext:',
    '            readOnlyRootFilesystem: true',
    '            allowPrivilegeEscalation: false',
    '          volumeMounts:',
    '            - name: varlog',
    '              mountPath: /var/log',
    '              readOnly: true',
    '      volumes:',
    '        - name: varlog',
    '          hostPath:',
    '            path: /var/log',
    '            type: Directory',
  ];
}

/** How to find the line of each injected error (0-based lines, as LSP counts them). */
const errorMarkers = {
  'duplicate-key': ['backoffLimit: 2', 'namespace: monitoring'],
  'unknown-field': ['imagePullPolcy: Always', 'livenesProbe: {}'],
  'wrong-type': ['parallelism: "', 'minReadySeconds: "'],
  'api-rule': ['restartPolicy: Always', 'schedule: "*/5 * * *"', 'restartPolicy: OnFailure'],
};

const builders = { Job: jobDocument, CronJob: cronJobDocument, DaemonSet: daemonSetDocument };

/**
 * Builds a file of `count` documents. Returns its text, the number of documents with errors
 * and, for each error, its kind (so the harness can check that a validator found it).
 */
export function generateWorkloadFile(count, withErrors) {
  const documents = [];
  const injected = [];
  let firstLine = 0;
  for (let index = 0; index < count; index++) {
    const kind = kindCycle[index % kindCycle.length];
    const errors = errorsFor(index, count, withErrors);
    const lines = builders[kind](index, errors);
    for (const error of errors) {
      const marker = errorMarkers[error].find((candidate) => lines.some((line) => line.includes(candidate)));
      if (marker === undefined) throw new Error(`document ${index} lacks its ${error}`);
      // The last match: a duplicate key is reported at its second occurrence.
      const line = firstLine + lines.findLastIndex((candidate) => candidate.includes(marker));
      injected.push({ document: index, kind, error, line });
    }
    documents.push(lines.join('\n'));
    // The separator `---` takes one line.
    firstLine += lines.length + 1;
  }
  return { text: `${documents.join('\n---\n')}\n`, injected };
}

/**
 * Positions (0-based line and character) in the middle of the file: on the key of a field and
 * on a value, for hover; and the place the keystrokes go (the end of a label value).
 */
export function probePositions(text) {
  const lines = text.split('\n');
  const middle = Math.floor(lines.length / 2);
  const findFrom = (pattern) => {
    for (let line = middle; line < lines.length; line++) {
      const character = lines[line].indexOf(pattern);
      if (character !== -1) return { line, character };
    }
    for (let line = 0; line < middle; line++) {
      const character = lines[line].indexOf(pattern);
      if (character !== -1) return { line, character };
    }
    throw new Error(`no "${pattern}" in the workload file`);
  };
  const at = (pattern, shift) => {
    const position = findFrom(pattern);
    return { line: position.line, character: position.character + shift };
  };
  const label = findFrom('app.kubernetes.io/part-of: ');
  return {
    hovers: [
      { name: 'restartPolicy key', position: at('restartPolicy:', 3) },
      { name: 'image value', position: at('image: ', 9) },
      { name: 'resources key', position: at('resources:', 2) },
    ],
    typing: { line: label.line, character: lines[label.line].length },
  };
}
