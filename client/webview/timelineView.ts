/**
 * The timeline itself: a canvas of bars beside a column of row names, virtualised so that only the
 * rows on screen exist (as canvas pixels and as a few DOM options for the keyboard and screen
 * readers), with a time axis that zooms (wheel, + and −) and pans (drag, arrows), and a playhead.
 */

import { h, setAttr } from './dom';
import { formatDuration } from './format';
import { t } from './i18n';
import { CanvasPainter, fontStrings } from './painter';
import { rowAriaLabel, rowDetails } from './podDetails';
import type { Theme } from './theme';
import { computeTicks, drawAxis, drawGrid } from './timeAxis';
import type { TimelineModel } from './timelineModel';
import { conditionColor, drawRows, rowLabel } from './timelineRenderer';
import type { Tooltip } from './tooltip';

/** What the view tells the app. */
export interface TimelineViewEvents {
  /** A row was chosen by click or keyboard (null clears the selection). */
  onSelect(row: number | null): void;
  /** The visible time window or the scroll position changed. */
  onViewChange(): void;
  /** The user moved the playhead on the axis. */
  onScrub(time: number): void;
  onTogglePlay(): void;
}

/** The part of the view that is saved and restored. */
export interface ViewWindow {
  readonly t0: number;
  readonly t1: number;
  readonly scrollTop: number;
}

const AXIS_HEIGHT = 30;
const MIN_SPAN = 0.001;

/** The pod timeline. */
export class TimelineView {
  readonly element: HTMLElement;
  private readonly headLabel: HTMLDivElement;
  private readonly axis: HTMLCanvasElement;
  private readonly scroller: HTMLDivElement;
  private readonly sizer: HTMLDivElement;
  private readonly sticky: HTMLDivElement;
  private readonly labels: HTMLDivElement;
  private readonly bars: HTMLCanvasElement;
  private readonly options = new Map<number, HTMLDivElement>();
  private model: TimelineModel | null = null;
  private theme: Theme;
  private t0 = 0;
  private t1 = 1;
  private selected: number | null = null;
  private hover: number | null = null;
  private playhead: number | null = null;
  private frame = 0;
  private drag: { x: number; t0: number; t1: number; moved: boolean; pointer: number } | null = null;
  private scrubbing = false;
  private lastRenderMs = 0;

  constructor(
    theme: Theme,
    private readonly tooltip: Tooltip,
    private readonly events: TimelineViewEvents,
  ) {
    this.theme = theme;
    this.headLabel = h('div', { class: 'pl-tl-head-label' });
    this.axis = h('canvas', { class: 'pl-axis', attrs: { role: 'img' } });
    this.bars = h('canvas', { class: 'pl-bars', attrs: { 'aria-hidden': 'true' } });
    this.labels = h('div', {
      class: 'pl-tl-labels',
      id: 'pl-rows',
      attrs: { role: 'listbox', tabindex: 0, 'aria-label': t('rowsLabel') },
    });
    this.sticky = h('div', { class: 'pl-tl-sticky' }, this.labels, this.bars);
    this.sizer = h('div', { class: 'pl-tl-sizer' }, this.sticky);
    this.scroller = h('div', { class: 'pl-tl-scroll' }, this.sizer);
    this.element = h(
      'section',
      { class: 'pl-timeline', id: 'pl-timeline', attrs: { 'aria-label': t('timelineLabel') } },
      h('div', { class: 'pl-tl-head' }, this.headLabel, this.axis),
      this.scroller,
    );
    this.wire();
  }

  /** Shows a new timeline, keeping the saved window and selection when given. */
  setModel(model: TimelineModel, restore: ViewWindow | null, selected: number | null): void {
    this.model = model;
    this.options.forEach((option) => option.remove());
    this.options.clear();
    this.selected = selected !== null && selected < model.rows.length ? selected : null;
    this.hover = null;
    const [d0, d1] = this.domain();
    if (restore && restore.t1 > restore.t0 && Number.isFinite(restore.t0) && Number.isFinite(restore.t1)) {
      this.setWindow(restore.t0, restore.t1);
    } else {
      this.t0 = d0;
      this.t1 = d1;
    }
    this.headLabel.textContent = t('podsHeader', { count: model.podCount });
    this.element.dataset['rows'] = String(model.rows.length);
    this.sizeScroller();
    // The scroll height must be there before the saved position can be restored.
    this.sizer.style.height = `${model.rows.length * this.rowHeight()}px`;
    this.scroller.scrollTop = restore?.scrollTop ?? 0;
    this.renderNow();
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    this.requestRender();
  }

  setPlayhead(time: number | null): void {
    this.playhead = time;
    this.requestRender();
  }

  /** The saved part of the view. */
  get window(): ViewWindow {
    return { t0: this.t0, t1: this.t1, scrollTop: this.scroller.scrollTop };
  }

  get selectedRow(): number | null {
    return this.selected;
  }

  /** The left offset and width of the bars, for the chart to line up with them. */
  get barsBox(): { left: number; width: number } {
    return { left: this.labels.offsetWidth, width: this.bars.clientWidth };
  }

  /** How long the last full render took, in milliseconds. */
  get renderMs(): number {
    return this.lastRenderMs;
  }

  /** Selects a row; `reveal` scrolls it into view (centred when it is far away). */
  select(row: number | null, reveal: 'nearest' | 'center' | false = 'nearest'): void {
    const model = this.model;
    if (!model) return;
    this.selected = row === null ? null : Math.max(0, Math.min(row, model.rows.length - 1));
    if (this.selected !== null && reveal) this.reveal(this.selected, reveal);
    this.renderNow();
  }

  /** Zooms by `factor` (below 1 zooms in) around `anchor`, or around the playhead or the centre. */
  zoom(factor: number, anchor?: number): void {
    const span = this.t1 - this.t0;
    const at =
      anchor ??
      (this.playhead !== null && this.playhead >= this.t0 && this.playhead <= this.t1
        ? this.playhead
        : this.t0 + span / 2);
    const [d0, d1] = this.domain();
    const next = Math.max(MIN_SPAN, Math.min(span * factor, d1 - d0));
    const t0 = at - ((at - this.t0) / span) * next;
    this.setWindow(t0, t0 + next);
    this.changed();
  }

  /** Pans by a fraction of the visible span (negative goes back in time). */
  pan(fraction: number): void {
    const span = this.t1 - this.t0;
    this.setWindow(this.t0 + span * fraction, this.t1 + span * fraction);
    this.changed();
  }

  /** Shows the whole run. */
  fit(): void {
    const [d0, d1] = this.domain();
    this.setWindow(d0, d1);
    this.changed();
  }

  /** Keeps `time` in view while playing, paging forward when it leaves the window. */
  follow(time: number): void {
    if (time >= this.t0 && time <= this.t1) return;
    const span = this.t1 - this.t0;
    this.setWindow(time - span * 0.1, time + span * 0.9);
    this.changed();
  }

  requestRender(): void {
    if (this.frame !== 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.renderNow();
    });
  }

  /** Draws the axis, the visible rows and their names now. */
  renderNow(): void {
    const model = this.model;
    if (!model) return;
    const started = performance.now();
    const rowHeight = this.rowHeight();
    const total = model.rows.length * rowHeight;
    const viewportHeight = Math.max(rowHeight, Math.min(total, this.scroller.clientHeight));
    this.sizer.style.height = `${total}px`;
    this.sticky.style.height = `${viewportHeight}px`;
    const scrollTop = this.scroller.scrollTop;
    const first = Math.max(0, Math.floor(scrollTop / rowHeight));
    const last = Math.min(model.rows.length, Math.ceil((scrollTop + viewportHeight) / rowHeight) + 1);
    const offset = first * rowHeight - scrollTop;
    const width = Math.max(1, this.bars.clientWidth);
    const ticks = computeTicks(this.t0, this.t1, width);
    const fonts = fontStrings(this.theme.fontFamily, this.theme.fontSize);

    // The axis.
    const axisPainter = this.prepare(this.axis, width, AXIS_HEIGHT, fonts);
    if (axisPainter) {
      const layout = { x: 0, y: 0, width, height: AXIS_HEIGHT, t0: this.t0, t1: this.t1 };
      drawAxis(axisPainter, ticks, layout, this.theme);
      if (this.playhead !== null) {
        const x = this.xOf(this.playhead, width);
        axisPainter.polygon([x - 5, 0, x + 5, 0, x, 8], this.theme.playhead);
        axisPainter.line(x, 0, x, AXIS_HEIGHT, this.theme.playhead, { width: 2 });
      }
    }
    this.axis.setAttribute(
      'aria-label',
      t('axisLabel', { from: formatDuration(Math.max(0, this.t0)), to: formatDuration(this.t1) }),
    );
    this.axis.dataset['labels'] = ticks.map((tick) => tick.label).join(' ');
    this.element.dataset['t0'] = String(this.t0);
    this.element.dataset['t1'] = String(this.t1);

    // The bars.
    const painter = this.prepare(this.bars, width, viewportHeight, fonts);
    if (painter) {
      const area = { x: 0, y: 0, width, height: viewportHeight, t0: this.t0, t1: this.t1 };
      drawGrid(painter, ticks, area, this.theme);
      for (const line of model.conditionLines) {
        const x = Math.round(this.xOf(line.time, width)) + 0.5;
        painter.line(x, 0, x, viewportHeight, conditionColor(this.theme, line.type), {
          dash: [4, 4],
          alpha: 0.7,
        });
      }
      drawRows(painter, model, this.theme, {
        x: 0,
        width,
        rowHeight,
        top: offset,
        first,
        last,
        t0: this.t0,
        t1: this.t1,
        selectedRow: this.selected,
        hoverRow: this.hover,
        labels: null,
      });
      if (this.playhead !== null && this.playhead < this.t1) {
        const x = Math.max(0, this.xOf(this.playhead, width));
        painter.fillRect(x, 0, width - x, viewportHeight, this.theme.background, 0.45);
        painter.line(x, 0, x, viewportHeight, this.theme.playhead, { width: 2 });
      }
    }
    this.renderLabels(model, first, last, offset, rowHeight);
    this.lastRenderMs = performance.now() - started;
  }

  private renderLabels(
    model: TimelineModel,
    first: number,
    last: number,
    offset: number,
    rowHeight: number,
  ): void {
    for (const [row, option] of this.options) {
      if (row < first || row >= last) {
        option.remove();
        this.options.delete(row);
      }
    }
    for (let r = first; r < last; r++) {
      const row = model.rows[r];
      if (row === undefined) break;
      let option = this.options.get(r);
      if (option === undefined) {
        const { name, detail } = rowLabel(row);
        option = h(
          'div',
          {
            class: `pl-row ${row.kind === 'job' ? 'pl-row-job' : 'pl-row-pod'}${row.kind === 'pod' && row.pod.job !== null && model.timeline.kind === 'CronJob' ? ' pl-row-indent' : ''}`,
            id: `pl-row-${r}`,
            attrs: {
              role: 'option',
              'aria-setsize': model.rows.length,
              'aria-posinset': r + 1,
              'aria-label': rowAriaLabel(row),
              'data-row': r,
              'data-pod': row.kind === 'pod' ? row.pod.name : null,
              'data-job': row.kind === 'job' ? row.job.name : null,
            },
          },
          h('span', { class: 'pl-row-name' }, name),
          detail ? h('span', { class: 'pl-row-detail' }, detail) : null,
        );
        this.options.set(r, option);
        this.labels.appendChild(option);
      }
      option.style.top = `${offset + (r - first) * rowHeight}px`;
      option.style.height = `${rowHeight}px`;
      setAttr(option, 'aria-selected', r === this.selected ? 'true' : 'false');
      option.classList.toggle('pl-selected', r === this.selected);
      option.classList.toggle('pl-hover', r === this.hover);
      option.classList.toggle('pl-group-start', row.groupStart);
    }
    setAttr(
      this.labels,
      'aria-activedescendant',
      this.selected !== null && this.options.has(this.selected) ? `pl-row-${this.selected}` : null,
    );
  }

  private prepare(
    canvas: HTMLCanvasElement,
    width: number,
    height: number,
    fonts: ReturnType<typeof fontStrings>,
  ): CanvasPainter | null {
    const ratio = window.devicePixelRatio || 1;
    const pixelWidth = Math.max(1, Math.round(width * ratio));
    const pixelHeight = Math.max(1, Math.round(height * ratio));
    if (canvas.width !== pixelWidth) canvas.width = pixelWidth;
    if (canvas.height !== pixelHeight) canvas.height = pixelHeight;
    canvas.style.height = `${height}px`;
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    return new CanvasPainter(ctx, fonts);
  }

  private rowHeight(): number {
    return Math.max(22, Math.round(this.theme.fontSize * 1.75));
  }

  private domain(): [number, number] {
    const end = this.model?.end ?? 1;
    const margin = end * 0.02;
    return [-margin, end + margin];
  }

  private setWindow(t0: number, t1: number): void {
    const [d0, d1] = this.domain();
    let span = Math.max(MIN_SPAN, Math.min(t1 - t0, d1 - d0));
    if (!Number.isFinite(span)) span = d1 - d0;
    let start = Number.isFinite(t0) ? t0 : d0;
    start = Math.max(d0, Math.min(start, d1 - span));
    this.t0 = start;
    this.t1 = start + span;
  }

  private xOf(time: number, width: number): number {
    return ((time - this.t0) / (this.t1 - this.t0)) * width;
  }

  private timeAt(clientX: number, element: Element): number {
    const box = element.getBoundingClientRect();
    return this.t0 + ((clientX - box.left) / Math.max(1, box.width)) * (this.t1 - this.t0);
  }

  private rowAt(clientY: number): number | null {
    const model = this.model;
    if (!model) return null;
    const box = this.sticky.getBoundingClientRect();
    const row = Math.floor((clientY - box.top + this.scroller.scrollTop) / this.rowHeight());
    return row >= 0 && row < model.rows.length ? row : null;
  }

  private changed(): void {
    this.requestRender();
    this.events.onViewChange();
  }

  private reveal(row: number, mode: 'nearest' | 'center'): void {
    const rowHeight = this.rowHeight();
    const top = row * rowHeight;
    const height = this.scroller.clientHeight;
    if (mode === 'center') this.scroller.scrollTop = top - height / 2 + rowHeight / 2;
    else if (top < this.scroller.scrollTop) this.scroller.scrollTop = top;
    else if (top + rowHeight > this.scroller.scrollTop + height)
      this.scroller.scrollTop = top + rowHeight - height;
  }

  private sizeScroller(): void {
    const model = this.model;
    if (!model) return;
    const wanted = model.rows.length * this.rowHeight() + 2;
    this.scroller.style.height = `${Math.max(this.rowHeight() * 3, Math.min(wanted, Math.max(200, window.innerHeight * 0.6)))}px`;
  }

  private showTooltipFor(row: number, x: number, y: number): void {
    const model = this.model;
    const data = model?.rows[row];
    if (!model || !data) return;
    this.tooltip.show(rowDetails(model.timeline, data), x, y);
  }

  private wire(): void {
    this.scroller.addEventListener('scroll', () => {
      this.tooltip.hide();
      this.changed();
    });
    new ResizeObserver(() => this.requestRender()).observe(this.scroller);
    window.addEventListener('resize', () => {
      this.sizeScroller();
      this.requestRender();
    });

    // The bars: hover shows the tooltip, a click selects, a drag pans, ctrl+wheel zooms.
    this.bars.addEventListener('pointerdown', (event) => {
      if (event.button !== 0) return;
      this.drag = { x: event.clientX, t0: this.t0, t1: this.t1, moved: false, pointer: event.pointerId };
      this.bars.setPointerCapture(event.pointerId);
    });
    this.bars.addEventListener('pointermove', (event) => {
      const drag = this.drag;
      if (drag) {
        const dx = event.clientX - drag.x;
        if (Math.abs(dx) > 3) drag.moved = true;
        if (drag.moved) {
          this.tooltip.hide();
          const shift = (-dx / Math.max(1, this.bars.clientWidth)) * (drag.t1 - drag.t0);
          this.setWindow(drag.t0 + shift, drag.t1 + shift);
          this.changed();
          return;
        }
      }
      const row = this.rowAt(event.clientY);
      if (row !== this.hover) {
        this.hover = row;
        this.requestRender();
      }
      if (row === null) this.tooltip.hide();
      else this.showTooltipFor(row, event.clientX, event.clientY);
    });
    this.bars.addEventListener('pointerup', (event) => {
      const drag = this.drag;
      this.drag = null;
      if (drag && this.bars.hasPointerCapture(drag.pointer)) this.bars.releasePointerCapture(drag.pointer);
      if (drag && !drag.moved) {
        const row = this.rowAt(event.clientY);
        this.selected = row;
        this.events.onSelect(row);
        this.renderNow();
      }
    });
    this.bars.addEventListener('pointerleave', () => {
      if (this.drag) return;
      this.hover = null;
      this.tooltip.hide();
      this.requestRender();
    });
    this.bars.addEventListener(
      'wheel',
      (event) => {
        if (event.ctrlKey || event.metaKey) {
          event.preventDefault();
          this.zoom(Math.exp(event.deltaY * 0.002), this.timeAt(event.clientX, this.bars));
        } else if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
          event.preventDefault();
          const delta = event.shiftKey && event.deltaX === 0 ? event.deltaY : event.deltaX;
          this.pan(delta / Math.max(1, this.bars.clientWidth));
        }
      },
      { passive: false },
    );

    // The axis: the wheel zooms, a press or drag moves the playhead.
    this.axis.addEventListener(
      'wheel',
      (event) => {
        event.preventDefault();
        this.zoom(Math.exp(event.deltaY * 0.002), this.timeAt(event.clientX, this.axis));
      },
      { passive: false },
    );
    this.axis.addEventListener('pointerdown', (event) => {
      this.scrubbing = true;
      this.axis.setPointerCapture(event.pointerId);
      this.events.onScrub(this.timeAt(event.clientX, this.axis));
    });
    this.axis.addEventListener('pointermove', (event) => {
      if (this.scrubbing) this.events.onScrub(this.timeAt(event.clientX, this.axis));
    });
    this.axis.addEventListener('pointerup', () => {
      this.scrubbing = false;
    });

    // The names: hover and click as on the bars.
    this.labels.addEventListener('pointermove', (event) => {
      const row = this.rowAt(event.clientY);
      if (row === null) return;
      this.showTooltipFor(row, event.clientX, event.clientY);
    });
    this.labels.addEventListener('pointerleave', () => this.tooltip.hide());
    this.labels.addEventListener('click', (event) => {
      const row = this.rowAt(event.clientY);
      if (row === null) return;
      this.selected = row;
      this.events.onSelect(row);
      this.renderNow();
    });
    this.labels.addEventListener('keydown', (event) => this.onKey(event));
    this.labels.addEventListener('focus', () => {
      if (this.selected === null && this.model && this.model.rows.length > 0) {
        this.select(0);
        this.events.onSelect(0);
      }
    });
    this.labels.addEventListener('blur', () => this.tooltip.hide());
  }

  private onKey(event: KeyboardEvent): void {
    const model = this.model;
    if (!model) return;
    const page = Math.max(1, Math.floor(this.scroller.clientHeight / this.rowHeight()) - 1);
    const current = this.selected ?? -1;
    let row: number | null = null;
    switch (event.key) {
      case 'ArrowDown':
        row = current + 1;
        break;
      case 'ArrowUp':
        row = Math.max(0, current - 1);
        break;
      case 'PageDown':
        row = current + page;
        break;
      case 'PageUp':
        row = Math.max(0, current - page);
        break;
      case 'Home':
        row = 0;
        break;
      case 'End':
        row = model.rows.length - 1;
        break;
      case '+':
      case '=':
        this.zoom(0.5);
        break;
      case '-':
      case '_':
        this.zoom(2);
        break;
      case '0':
        this.fit();
        break;
      case 'ArrowLeft':
        this.pan(event.shiftKey ? -0.5 : -0.1);
        break;
      case 'ArrowRight':
        this.pan(event.shiftKey ? 0.5 : 0.1);
        break;
      case ' ':
        this.events.onTogglePlay();
        break;
      case 'Enter': {
        if (this.selected === null) return;
        const option = this.options.get(this.selected);
        const box = option?.getBoundingClientRect();
        if (box) this.showTooltipFor(this.selected, box.right, box.top);
        break;
      }
      case 'Escape':
        this.tooltip.hide();
        break;
      default:
        return;
    }
    event.preventDefault();
    if (row !== null) {
      this.tooltip.hide();
      this.select(Math.min(row, model.rows.length - 1));
      this.events.onSelect(this.selected);
    }
  }
}
