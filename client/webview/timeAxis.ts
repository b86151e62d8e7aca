/**
 * The time axis: tick steps in units a person reads (1 s, 15 s, 5 min, 6 h, 1 d…) chosen for the
 * visible span and width, and the axis drawing shared by the view and the exports.
 */

import { formatDuration } from './format';
import type { Painter } from './painter';
import type { Theme } from './theme';

/** Tick steps in seconds, from a millisecond to a year. */
const STEPS = [
  0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800,
  3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800, 1_209_600, 2_592_000, 7_776_000, 15_552_000,
  31_536_000,
];

/** One tick: its time and its label. */
export interface Tick {
  readonly time: number;
  readonly label: string;
}

/** The ticks for a visible span, at least `minSpacing` pixels apart. */
export function computeTicks(t0: number, t1: number, width: number, minSpacing = 90): Tick[] {
  const span = t1 - t0;
  if (!(span > 0) || !(width > 0)) return [];
  const wanted = (span * minSpacing) / width;
  let step = STEPS.find((candidate) => candidate >= wanted);
  if (step === undefined) {
    const years = STEPS[STEPS.length - 1] as number;
    step = years * Math.ceil(wanted / years);
  }
  const decimals = step < 1 ? Math.max(0, Math.ceil(-Math.log10(step) - 1e-9)) : -1;
  const ticks: Tick[] = [];
  const first = Math.max(0, Math.ceil(t0 / step - 1e-9));
  for (let i = first; i * step <= t1 + step * 1e-9 && ticks.length < 1000; i++) {
    const time = i * step;
    ticks.push({ time, label: formatDuration(time, decimals) });
  }
  return ticks;
}

/** Where the axis is drawn. */
export interface AxisLayout {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly t0: number;
  readonly t1: number;
}

/** Draws tick marks and labels along the bottom of the axis area. */
export function drawAxis(painter: Painter, ticks: readonly Tick[], layout: AxisLayout, theme: Theme): void {
  const { x, y, width, height, t0, t1 } = layout;
  const scale = width / (t1 - t0);
  painter.line(x, y + height - 0.5, x + width, y + height - 0.5, theme.grid);
  painter.clip(x, y, width, height, () => {
    for (const tick of ticks) {
      const tx = Math.round(x + (tick.time - t0) * scale) + 0.5;
      painter.line(tx, y + height - 6, tx, y + height, theme.muted);
      painter.text(tx + 3, y + height / 2 - 2, tick.label, theme.foreground, { font: 'small' });
    }
  });
}

/** Faint vertical lines at each tick across the rows. */
export function drawGrid(painter: Painter, ticks: readonly Tick[], layout: AxisLayout, theme: Theme): void {
  const scale = layout.width / (layout.t1 - layout.t0);
  for (const tick of ticks) {
    const tx = Math.round(layout.x + (tick.time - layout.t0) * scale) + 0.5;
    if (tx < layout.x || tx > layout.x + layout.width) continue;
    painter.line(tx, layout.y, tx, layout.y + layout.height, theme.grid);
  }
}
