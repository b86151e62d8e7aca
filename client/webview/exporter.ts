/**
 * Exports of the timeline: JSON (the timeline as received), SVG and PNG (the whole run drawn with
 * the same code as the view, in the current theme). The webview produces the data; the host saves
 * it (VS Code's save dialog, or a download on the standalone page).
 */

import type { ExportFormat } from '../../server/src/protocol/webviewProtocol';
import { drawCounts } from './chart';
import { formatDuration } from './format';
import { t } from './i18n';
import { CanvasPainter, SvgPainter, fontStrings } from './painter';
import type { Painter } from './painter';
import type { Theme } from './theme';
import { computeTicks, drawAxis, drawGrid } from './timeAxis';
import type { TimelineModel } from './timelineModel';
import { drawRows } from './timelineRenderer';

/** An export ready to save. */
export interface ExportData {
  readonly fileName: string;
  readonly data: string;
}

const WIDTH = 1400;
const LABEL_WIDTH = 280;
const ROW_HEIGHT = 22;
const HEADER = 44;
const AXIS = 30;
const CHART = 90;
const PAD = 12;
/** A PNG taller than this is refused by some viewers; longer timelines are cut (and say so). */
const MAX_PNG_ROWS = 1400;
const MAX_SVG_ROWS = 5000;

/** A file name from the workload's name. */
export function exportFileName(name: string, format: ExportFormat): string {
  const base = name.replace(/[^\w.-]+/g, '-').replace(/^[-.]+/, '') || 'timeline';
  return `${base}-timeline.${format}`;
}

/** Produces the export in `format`. */
export function exportTimeline(
  format: ExportFormat,
  model: TimelineModel,
  theme: Theme,
  title: string,
): ExportData {
  const fileName = exportFileName(model.timeline.name, format);
  if (format === 'json') return { fileName, data: `${JSON.stringify(model.timeline, null, 2)}\n` };
  const rows = Math.min(model.rows.length, format === 'png' ? MAX_PNG_ROWS : MAX_SVG_ROWS);
  const height =
    HEADER + AXIS + rows * ROW_HEIGHT + (rows < model.rows.length ? ROW_HEIGHT : 0) + CHART + PAD * 2;
  const fonts = fontStrings(theme.fontFamily, theme.fontSize);
  const canvas = document.createElement('canvas');
  const scale = height * 2 <= 16_000 ? 2 : 1;
  canvas.width = format === 'png' ? WIDTH * scale : 1;
  canvas.height = format === 'png' ? height * scale : 1;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  const canvasPainter = new CanvasPainter(ctx, fonts);
  if (format === 'png') {
    draw(canvasPainter, model, theme, title, rows, height);
    const url = canvas.toDataURL('image/png');
    return { fileName, data: url.slice(url.indexOf(',') + 1) };
  }
  const svg = new SvgPainter(canvasPainter, fonts);
  draw(svg, model, theme, title, rows, height);
  return { fileName, data: svg.toSvg(WIDTH, height, title) };
}

function draw(
  painter: Painter,
  model: TimelineModel,
  theme: Theme,
  title: string,
  rows: number,
  height: number,
): void {
  const timeline = model.timeline;
  const x = PAD + LABEL_WIDTH;
  const width = WIDTH - x - PAD;
  const margin = model.end * 0.02;
  const t0 = -margin;
  const t1 = model.end + margin;
  painter.fillRect(0, 0, WIDTH, height, theme.background);
  const summary = timeline.summary;
  painter.text(PAD, 16, title, theme.foreground, { font: 'bold' });
  const outcome = [
    summary.outcome,
    summary.reason ?? '',
    summary.finishTime !== null ? formatDuration(summary.finishTime) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  painter.text(PAD, 34, `${timeline.kind} ${timeline.namespace}/${timeline.name} · ${outcome}`, theme.muted, {
    font: 'small',
  });
  const ticks = computeTicks(t0, t1, width);
  drawAxis(painter, ticks, { x, y: HEADER, width, height: AXIS, t0, t1 }, theme);
  const top = HEADER + AXIS;
  drawGrid(painter, ticks, { x, y: top, width, height: rows * ROW_HEIGHT, t0, t1 }, theme);
  drawRows(painter, model, theme, {
    x,
    width,
    rowHeight: ROW_HEIGHT,
    top,
    first: 0,
    last: rows,
    t0,
    t1,
    selectedRow: null,
    hoverRow: null,
    labels: { x: PAD, width: LABEL_WIDTH - 8 },
  });
  let y = top + rows * ROW_HEIGHT;
  if (rows < model.rows.length) {
    painter.text(PAD, y + ROW_HEIGHT / 2, t('moreRows', { count: model.rows.length - rows }), theme.muted, {
      font: 'small',
    });
    y += ROW_HEIGHT;
  }
  drawCounts(painter, model.counts, model.end, theme, {
    x,
    y: y + 8,
    width,
    height: CHART - 8,
    t0,
    t1,
    playhead: null,
  });
}
