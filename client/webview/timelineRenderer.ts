/**
 * Draws timeline rows on a `Painter`: phase bars, container runs and the backoff between them,
 * Terminating, restart and exit-code markers, the backoff before each replacement pod, and Job
 * condition markers. The live view draws only the rows on screen; the exports draw them all.
 */

import type { TimelineJob, TimelinePod } from '../../server/src/protocol/webviewProtocol';
import { formatDuration } from './format';
import { t } from './i18n';
import { fitText } from './painter';
import type { Painter } from './painter';
import type { Theme } from './theme';
import type { JobRow, PodRow, TimelineModel } from './timelineModel';

/** Where and what to draw. */
export interface RowsLayout {
  /** The bars' area: its left edge and width. */
  readonly x: number;
  readonly width: number;
  readonly rowHeight: number;
  /** The y of row `first`. */
  readonly top: number;
  /** Rows `first` (inclusive) to `last` (exclusive). */
  readonly first: number;
  readonly last: number;
  readonly t0: number;
  readonly t1: number;
  readonly selectedRow: number | null;
  readonly hoverRow: number | null;
  /** Draw the names in a column left of the bars (exports); the live view shows them as DOM. */
  readonly labels: { readonly x: number; readonly width: number } | null;
}

/** The colour of a Kubernetes pod phase. */
export function phaseColor(theme: Theme, phase: string): string {
  switch (phase) {
    case 'Pending':
      return theme.pending;
    case 'Running':
      return theme.running;
    case 'Succeeded':
      return theme.succeeded;
    case 'Failed':
      return theme.failed;
    default:
      return theme.terminating;
  }
}

/** The colour of a Job condition marker. */
export function conditionColor(theme: Theme, type: string): string {
  switch (type) {
    case 'Complete':
    case 'SuccessCriteriaMet':
      return theme.succeeded;
    case 'Failed':
    case 'FailureTarget':
      return theme.failed;
    case 'Suspended':
      return theme.muted;
    default:
      return theme.condition;
  }
}

/** Draws rows `first` to `last` of the model. */
export function drawRows(painter: Painter, model: TimelineModel, theme: Theme, layout: RowsLayout): void {
  const { rowHeight, first, last, top } = layout;
  const scale = layout.width / (layout.t1 - layout.t0);
  const xOf = (time: number): number => layout.x + (time - layout.t0) * scale;
  const fullWidth = layout.labels ? layout.x + layout.width - layout.labels.x : layout.width;
  const fullX = layout.labels ? layout.labels.x : layout.x;
  for (let r = first; r < last; r++) {
    const row = model.rows[r];
    if (row === undefined) break;
    const y = top + (r - first) * rowHeight;
    if (r === layout.selectedRow) painter.fillRect(fullX, y, fullWidth, rowHeight, theme.selection);
    else if (r === layout.hoverRow) painter.fillRect(fullX, y, fullWidth, rowHeight, theme.hover);
    if (row.groupStart) painter.line(fullX, y + 0.5, fullX + fullWidth, y + 0.5, theme.grid, { width: 1 });
    if (layout.labels) drawLabel(painter, row, theme, layout.labels.x, layout.labels.width, y, rowHeight);
    painter.clip(layout.x, y, layout.width, rowHeight, () => {
      if (row.kind === 'pod') drawPod(painter, row, theme, xOf, y, rowHeight, model.end);
      else drawJob(painter, row, theme, xOf, y, rowHeight, layout.x + layout.width);
    });
  }
}

/** The text of a row's name column: the pod or Job name, and its group. */
export function rowLabel(row: PodRow | JobRow): { name: string; detail: string } {
  if (row.kind === 'job') {
    return { name: row.job.name, detail: t('job') };
  }
  const detail = [row.group ?? '', row.pod.restarts > 0 ? `↻${row.pod.restarts}` : ''].filter(Boolean);
  return { name: row.pod.name, detail: detail.join(' ') };
}

function drawLabel(
  painter: Painter,
  row: PodRow | JobRow,
  theme: Theme,
  x: number,
  width: number,
  y: number,
  rowHeight: number,
): void {
  const { name, detail } = rowLabel(row);
  const detailWidth = detail ? Math.min(painter.measure(detail, 'small') + 8, width / 2) : 0;
  const font = row.kind === 'job' ? 'bold' : 'normal';
  // Pods sit under their Job's row, so they are indented; a DaemonSet's pods have no Job.
  const indent = row.kind === 'pod' && row.pod.job !== null ? 14 : 4;
  const text = fitText(painter, name, width - detailWidth - indent - 4, font);
  painter.text(x + indent, y + rowHeight / 2, text, theme.foreground, { font });
  if (detail)
    painter.text(x + width - 4, y + rowHeight / 2, detail, theme.muted, { font: 'small', align: 'right' });
}

function drawPod(
  painter: Painter,
  row: PodRow,
  theme: Theme,
  xOf: (time: number) => number,
  y: number,
  rowHeight: number,
  runEnd: number,
): void {
  const pod = row.pod;
  const barTop = y + 4;
  const barHeight = rowHeight - 8;
  const mid = y + rowHeight / 2;
  const end = row.end;
  const outline = theme.contrastBorder;

  // The controller's backoff before this replacement pod: a dashed line from the failure it replaces.
  if (row.backoffFrom !== null && row.backoffFrom < pod.created) {
    const x1 = xOf(row.backoffFrom);
    const x2 = xOf(pod.created);
    painter.line(x1, mid + 0.5, x2, mid + 0.5, theme.backoff, { dash: [3, 3], width: 1.5 });
    painter.line(x1 + 0.5, barTop + 2, x1 + 0.5, barTop + barHeight - 2, theme.backoff, { width: 1.5 });
    const label = t('backoff', { time: formatDuration(pod.created - row.backoffFrom) });
    const labelWidth = painter.measure(label, 'small');
    if (x2 - x1 > labelWidth + 12) {
      painter.fillRect((x1 + x2) / 2 - labelWidth / 2 - 2, mid - 6, labelWidth + 4, 12, theme.background);
      painter.text((x1 + x2) / 2, mid, label, theme.backoff, { font: 'small', align: 'center' });
    }
  }

  for (const phase of pod.phases) {
    const from = phase.from;
    const to = Math.min(phase.to ?? end, end);
    const x1 = xOf(from);
    const width = Math.max(xOf(to) - x1, 1);
    const color = phaseColor(theme, phase.phase);
    if (phase.phase === 'Succeeded' || phase.phase === 'Failed') {
      // A finished pod still exists until it is removed: a thin line, so active pods stand out.
      painter.fillRect(x1, mid - 2, width, 4, color, 0.45);
    } else {
      painter.fillRect(x1, barTop, width, barHeight, color, phase.phase === 'Pending' ? 0.75 : 1);
      if (outline) painter.strokeRect(x1, barTop, width, barHeight, outline);
    }
  }

  // The container's own backoff between restarts (CrashLoopBackOff): hatched inside the Running bar.
  const attempts = pod.attempts;
  for (let i = 1; i < attempts.length; i++) {
    const previous = attempts[i - 1];
    const next = attempts[i];
    if (!previous || !next || previous.finished === null || next.started <= previous.finished) continue;
    const x1 = xOf(previous.finished);
    const width = Math.max(xOf(next.started) - x1, 1);
    painter.fillRect(x1, barTop, width, barHeight, theme.background);
    painter.hatchRect(x1, barTop, width, barHeight, theme.backoff);
    painter.strokeRect(x1, barTop, width, barHeight, theme.backoff);
  }

  // Terminating: from the deletion timestamp until the pod object is gone.
  if (pod.deleted !== null) {
    const x1 = xOf(pod.deleted);
    const width = Math.max(xOf(Math.min(pod.removed ?? runEnd, runEnd)) - x1, 2);
    painter.hatchRect(x1, barTop, width, barHeight, theme.terminating);
    painter.strokeRect(x1, barTop, width, barHeight, theme.terminating);
  }

  // Restart markers: a small triangle above the bar where a new run starts.
  for (const attempt of attempts) {
    if (attempt.restart === 0) continue;
    const x = xOf(attempt.started);
    painter.polygon([x - 4, y, x + 4, y, x, barTop + 3], theme.foreground);
  }

  // Exit codes where each run ended, labelled when there is room before the next thing on the row.
  attempts.forEach((attempt, i) => {
    if (attempt.finished === null || attempt.exitCode === null) return;
    const x = xOf(attempt.finished);
    // A run stopped by the pod's deletion was killed, not failed.
    const killed = attempt.reason === 'Killed' || (pod.deleted !== null && attempt.finished >= pod.deleted);
    const color = killed ? theme.terminating : attempt.exitCode === 0 ? theme.succeeded : theme.failed;
    painter.circle(x, mid, 3.5, color, theme.background);
    const label = t('exit', { code: attempt.exitCode });
    const nextTime = attempts[i + 1]?.started ?? Infinity;
    const room = Math.min(xOf(Math.min(nextTime, end)), xOf(end) + 200) - x;
    const labelWidth = painter.measure(label, 'small');
    if (attempt.exitCode !== 0 && !killed && room > labelWidth + 10) {
      painter.text(x + 6, mid, label, theme.foreground, { font: 'small' });
    }
  });

  // Pod conditions (DisruptionTarget and the like): a diamond on the top edge.
  for (const condition of pod.conditions) {
    if (condition.status !== 'True') continue;
    diamond(painter, xOf(condition.time), barTop, 4, theme.condition, theme.background);
  }
}

function drawJob(
  painter: Painter,
  row: JobRow,
  theme: Theme,
  xOf: (time: number) => number,
  y: number,
  rowHeight: number,
  right: number,
): void {
  const job: TimelineJob = row.job;
  const mid = y + rowHeight / 2;
  const finished = job.finished ?? row.end;
  const color =
    job.outcome === 'Complete' ? theme.succeeded : job.outcome === 'Failed' ? theme.failed : theme.running;
  const x1 = xOf(job.created);
  painter.fillRect(x1, y + 6, Math.max(xOf(finished) - x1, 1), rowHeight - 12, color, 0.3);
  painter.strokeRect(x1, y + 6, Math.max(xOf(finished) - x1, 2), rowHeight - 12, color);
  if (finished < row.end)
    painter.fillRect(xOf(finished), mid - 1, Math.max(xOf(row.end) - xOf(finished), 1), 2, color, 0.45);
  if (job.scheduledTime !== null) {
    const x = xOf(job.scheduledTime);
    painter.line(x + 0.5, y + 3, x + 0.5, y + rowHeight - 3, theme.muted, { width: 1 });
  }
  // Conditions in the order the controller set them, labelled while the labels do not overlap;
  // a label that would run off the right edge goes to the left of its marker.
  let labelEnd = -Infinity;
  for (const condition of job.conditions) {
    if (condition.status !== 'True') continue;
    const x = xOf(condition.time);
    diamond(painter, x, mid, 5, conditionColor(theme, condition.type), theme.background);
    const label = condition.reason ? `${condition.type}: ${condition.reason}` : condition.type;
    const width = painter.measure(label, 'small');
    const left = x + 9 + width + 4 > right ? x - 9 - width : x + 9;
    if (left > labelEnd) {
      painter.fillRect(left - 2, mid - 7, width + 4, 14, theme.background, 0.85);
      painter.text(left, mid, label, theme.foreground, { font: 'small' });
      labelEnd = left + width + 8;
    }
  }
}

function diamond(painter: Painter, x: number, y: number, size: number, fill: string, stroke: string): void {
  painter.polygon([x, y - size, x + size, y, x, y + size, x - size, y], fill, stroke);
}

/** The pod state a screen reader hears for a row: the last phase, or Terminating. */
export function podState(pod: TimelinePod): string {
  if (pod.deleted !== null && pod.removed === null) return 'Terminating';
  const last = pod.phases[pod.phases.length - 1];
  return last ? last.phase : 'Pending';
}
