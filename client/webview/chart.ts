/**
 * A small chart under the timeline: active, succeeded and failed pods over time, on the same time
 * window as the bars so that the two line up, with the playhead.
 */

import { h } from './dom';
import { t } from './i18n';
import { CanvasPainter, fontStrings } from './painter';
import type { Painter } from './painter';
import type { Theme } from './theme';
import type { CountPoint } from './timelineModel';

const HEIGHT = 84;

/** The counts chart. */
export class CountsChart {
  readonly element: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly legend: HTMLDivElement;
  private points: readonly CountPoint[] = [];
  private end = 1;

  constructor() {
    this.canvas = h('canvas', { class: 'pl-chart-canvas', attrs: { role: 'img' } });
    this.legend = h(
      'div',
      { class: 'pl-chart-legend' },
      legendItem('pl-swatch-active', t('active')),
      legendItem('pl-swatch-succeeded', t('succeeded')),
      legendItem('pl-swatch-failed', t('failed')),
    );
    this.element = h(
      'section',
      { class: 'pl-chart', attrs: { 'aria-label': t('chartLabel') } },
      this.legend,
      this.canvas,
    );
  }

  setPoints(points: readonly CountPoint[], end: number): void {
    this.points = points;
    this.end = end;
    const peak = points.reduce((max, point) => Math.max(max, point.active), 0);
    const last = points[points.length - 1];
    this.canvas.setAttribute(
      'aria-label',
      t('chartSummary', { peak, succeeded: last?.succeeded ?? 0, failed: last?.failed ?? 0 }),
    );
  }

  /** Draws the window [t0, t1] into a `width`-pixel canvas offset `left` pixels, like the bars. */
  render(theme: Theme, t0: number, t1: number, left: number, width: number, playhead: number | null): void {
    this.canvas.style.width = `${width}px`;
    this.legend.style.width = `${left}px`;
    const ratio = window.devicePixelRatio || 1;
    const pixelWidth = Math.max(1, Math.round(width * ratio));
    const pixelHeight = Math.round(HEIGHT * ratio);
    if (this.canvas.width !== pixelWidth) this.canvas.width = pixelWidth;
    if (this.canvas.height !== pixelHeight) this.canvas.height = pixelHeight;
    this.canvas.style.height = `${HEIGHT}px`;
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, HEIGHT);
    drawCounts(
      new CanvasPainter(ctx, fontStrings(theme.fontFamily, theme.fontSize)),
      this.points,
      this.end,
      theme,
      {
        x: 0,
        y: 0,
        width,
        height: HEIGHT,
        t0,
        t1,
        playhead,
      },
    );
  }
}

function legendItem(swatch: string, label: string): HTMLElement {
  return h(
    'span',
    { class: 'pl-legend-item' },
    h('span', { class: `pl-swatch ${swatch}`, attrs: { 'aria-hidden': 'true' } }),
    label,
  );
}

/** Where the chart is drawn. */
export interface ChartLayout {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly t0: number;
  readonly t1: number;
  readonly playhead: number | null;
}

/** Draws the three step lines; shared with the exports. */
export function drawCounts(
  painter: Painter,
  points: readonly CountPoint[],
  end: number,
  theme: Theme,
  layout: ChartLayout,
): void {
  const { x, y, width, height, t0, t1 } = layout;
  const top = y + 8;
  const bottom = y + height - 4;
  const max = points.reduce((m, point) => Math.max(m, point.active, point.succeeded, point.failed), 1);
  const xOf = (time: number): number => x + ((time - t0) / (t1 - t0)) * width;
  const yOf = (value: number): number => bottom - (value / max) * (bottom - top);
  painter.line(x, bottom + 0.5, x + width, bottom + 0.5, theme.grid);
  painter.line(x, top + 0.5, x + width, top + 0.5, theme.grid, { dash: [2, 4] });
  painter.clip(x, y, width, height, () => {
    const series: [keyof Omit<CountPoint, 'time'>, string][] = [
      ['succeeded', theme.succeeded],
      ['failed', theme.failed],
      ['active', theme.running],
    ];
    for (const [key, color] of series) {
      // A series that stays at zero would only hide the baseline under another colour.
      if (!points.some((point) => point[key] > 0)) continue;
      let previousX = xOf(0);
      let previousY = yOf(0);
      for (const point of points) {
        const px = xOf(point.time);
        const py = yOf(point[key]);
        if (px > x + width + 1 && previousX > x + width + 1) break;
        painter.line(previousX, previousY, px, previousY, color, { width: 2 });
        painter.line(px, previousY, px, py, color, { width: 2 });
        previousX = px;
        previousY = py;
      }
      painter.line(previousX, previousY, xOf(end), previousY, color, { width: 2 });
    }
    if (layout.playhead !== null) {
      const px = xOf(layout.playhead);
      painter.line(px, y, px, y + height, theme.playhead, { width: 2 });
    }
  });
  painter.text(x + width - 4, top + 6, String(max), theme.muted, { font: 'small', align: 'right' });
}
