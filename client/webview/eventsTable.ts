/**
 * The events of the run as `kubectl describe` lists them (time, type, reason, object, from,
 * message), filterable, and linked to the timeline: activating a row selects its pod and moves
 * the playhead to it; selecting a pod highlights its events. Rows are virtualised.
 */

import type { Timeline, TimelineEvent } from '../../server/src/protocol/webviewProtocol';
import { h, replaceChildren, setAttr } from './dom';
import { formatDuration, formatInstant } from './format';
import { t } from './i18n';

/** The filter, saved with the view state. */
export interface EventFilter {
  readonly text: string;
  readonly type: 'all' | 'Normal' | 'Warning';
  readonly onlySelected: boolean;
}

/** The default filter: everything. */
export const NO_FILTER: EventFilter = { text: '', type: 'all', onlySelected: false };

/** What the table tells the app. */
export interface EventsTableEvents {
  onActivate(event: TimelineEvent): void;
  onFilterChange(): void;
}

const VISIBLE_ROWS = 12;

/** The events table. */
export class EventsTable {
  readonly element: HTMLElement;
  private readonly search: HTMLInputElement;
  private readonly typeSelect: HTMLSelectElement;
  private readonly onlySelected: HTMLInputElement;
  private readonly count: HTMLSpanElement;
  private readonly grid: HTMLDivElement;
  private readonly scroller: HTMLDivElement;
  private readonly sizer: HTMLDivElement;
  private readonly detail: HTMLDivElement;
  private readonly rows = new Map<number, HTMLDivElement>();
  private timeline: Timeline | null = null;
  private shown: number[] = [];
  private selectedPod: string | null = null;
  private active = -1;
  private frame = 0;

  constructor(private readonly events: EventsTableEvents) {
    this.search = h('input', {
      class: 'pl-input',
      id: 'pl-events-filter',
      attrs: { type: 'search', placeholder: t('filterPlaceholder'), 'aria-label': t('filterPlaceholder') },
    });
    this.typeSelect = h(
      'select',
      { class: 'pl-select', id: 'pl-events-type', attrs: { 'aria-label': t('colType') } },
      h('option', { attrs: { value: 'all' } }, t('typeAll')),
      h('option', { attrs: { value: 'Normal' } }, 'Normal'),
      h('option', { attrs: { value: 'Warning' } }, 'Warning'),
    );
    this.onlySelected = h('input', { id: 'pl-events-only-selected', attrs: { type: 'checkbox' } });
    this.count = h('span', { class: 'pl-events-count', attrs: { 'aria-live': 'polite' } });
    const header = h(
      'div',
      { class: 'pl-ev-row pl-ev-header', attrs: { role: 'row', 'aria-rowindex': 1 } },
      ...[t('colTime'), t('colType'), t('colReason'), t('colObject'), t('colFrom'), t('colMessage')].map(
        (label) => h('div', { class: 'pl-ev-cell', attrs: { role: 'columnheader' } }, label),
      ),
    );
    this.sizer = h('div', { class: 'pl-ev-sizer', attrs: { role: 'rowgroup' } });
    this.scroller = h('div', { class: 'pl-ev-scroll' }, this.sizer);
    this.grid = h(
      'div',
      {
        class: 'pl-ev-grid',
        id: 'pl-events',
        attrs: { role: 'grid', tabindex: 0, 'aria-label': t('events') },
      },
      header,
      this.scroller,
    );
    this.detail = h('div', { class: 'pl-ev-detail', attrs: { 'aria-live': 'polite' } });
    this.element = h(
      'section',
      { class: 'pl-events', attrs: { 'aria-labelledby': 'pl-events-heading' } },
      h(
        'div',
        { class: 'pl-events-bar' },
        h('h2', { id: 'pl-events-heading' }, t('events')),
        this.search,
        this.typeSelect,
        h('label', { class: 'pl-check' }, this.onlySelected, ` ${t('onlySelected')}`),
        this.count,
      ),
      h('div', { class: 'pl-ev-frame' }, this.grid),
      this.detail,
    );
    this.wire();
  }

  setTimeline(timeline: Timeline, filter: EventFilter): void {
    this.timeline = timeline;
    this.search.value = filter.text;
    this.typeSelect.value = filter.type;
    this.onlySelected.checked = filter.onlySelected;
    this.active = -1;
    this.refilter();
  }

  get filter(): EventFilter {
    const type = this.typeSelect.value;
    return {
      text: this.search.value,
      type: type === 'Normal' || type === 'Warning' ? type : 'all',
      onlySelected: this.onlySelected.checked,
    };
  }

  /** Highlights the events of a pod (and shows only them when the checkbox says so). */
  setSelectedPod(name: string | null, reveal: boolean): void {
    this.selectedPod = name;
    if (this.onlySelected.checked) this.refilter();
    else this.render();
    if (reveal && name !== null) {
      const position = this.shown.findIndex(
        (index) => this.eventAt(index)?.object.name === name && this.eventAt(index)?.object.kind === 'Pod',
      );
      if (position >= 0) this.scrollTo(position);
    }
  }

  private eventAt(index: number): TimelineEvent | undefined {
    return this.timeline?.events[index];
  }

  private refilter(): void {
    const timeline = this.timeline;
    if (!timeline) return;
    const { text, type, onlySelected } = this.filter;
    const needle = text.trim().toLowerCase();
    this.shown = [];
    timeline.events.forEach((event, index) => {
      if (type !== 'all' && event.type !== type) return;
      if (onlySelected && !(event.object.kind === 'Pod' && event.object.name === this.selectedPod)) return;
      if (needle !== '') {
        const haystack =
          `${event.type} ${event.reason} ${event.object.kind}/${event.object.name} ${event.source} ${event.message}`.toLowerCase();
        if (!haystack.includes(needle)) return;
      }
      this.shown.push(index);
    });
    this.count.textContent = t('eventsCount', { shown: this.shown.length, total: timeline.events.length });
    setAttr(this.grid, 'aria-rowcount', this.shown.length + 1);
    this.active = Math.min(this.active, this.shown.length - 1);
    this.rows.forEach((row) => row.remove());
    this.rows.clear();
    this.scroller.scrollTop = 0;
    this.render();
  }

  private rowHeight(): number {
    const size = Number.parseFloat(getComputedStyle(this.element).fontSize) || 13;
    return Math.max(24, Math.round(size * 1.85));
  }

  private render(): void {
    const timeline = this.timeline;
    if (!timeline) return;
    const rowHeight = this.rowHeight();
    const total = this.shown.length * rowHeight;
    this.sizer.style.height = `${Math.max(total, rowHeight)}px`;
    this.scroller.style.height = `${Math.max(rowHeight, Math.min(this.shown.length, VISIBLE_ROWS) * rowHeight)}px`;
    if (this.shown.length === 0) {
      this.rows.forEach((row) => row.remove());
      this.rows.clear();
      replaceChildren(this.sizer, h('div', { class: 'pl-ev-empty' }, t('noEvents')));
      this.renderDetail();
      return;
    }
    this.sizer.querySelector('.pl-ev-empty')?.remove();
    const first = Math.max(0, Math.floor(this.scroller.scrollTop / rowHeight) - 2);
    const last = Math.min(this.shown.length, first + VISIBLE_ROWS + 6);
    for (const [position, row] of this.rows) {
      if (position < first || position >= last) {
        row.remove();
        this.rows.delete(position);
      }
    }
    for (let position = first; position < last; position++) {
      const index = this.shown[position] as number;
      const event = timeline.events[index];
      if (!event) continue;
      let row = this.rows.get(position);
      if (!row) {
        row = this.createRow(timeline, event, index, position);
        this.rows.set(position, row);
        this.sizer.appendChild(row);
      }
      row.style.top = `${position * rowHeight}px`;
      row.style.height = `${rowHeight}px`;
      row.classList.toggle(
        'pl-linked',
        event.object.kind === 'Pod' && event.object.name === this.selectedPod,
      );
      row.classList.toggle('pl-active', position === this.active);
      setAttr(row, 'aria-selected', position === this.active ? 'true' : 'false');
    }
    setAttr(
      this.grid,
      'aria-activedescendant',
      this.active >= 0 && this.rows.has(this.active) ? `pl-ev-${this.active}` : null,
    );
    this.renderDetail();
  }

  private createRow(
    timeline: Timeline,
    event: TimelineEvent,
    index: number,
    position: number,
  ): HTMLDivElement {
    const instant = formatInstant(timeline.start, event.time);
    const cells = [
      [formatDuration(event.time), instant],
      [event.type, ''],
      [event.reason, ''],
      [`${event.object.kind.toLowerCase()}/${event.object.name}`, ''],
      [event.source, ''],
      [event.message, event.message],
    ];
    return h(
      'div',
      {
        class: `pl-ev-row${event.type === 'Warning' ? ' pl-ev-warning' : ''}`,
        id: `pl-ev-${position}`,
        attrs: {
          role: 'row',
          'aria-rowindex': position + 2,
          'data-event': index,
          'data-object': `${event.object.kind}/${event.object.name}`,
        },
      },
      ...cells.map(([text, title]) =>
        h('div', { class: 'pl-ev-cell', attrs: { role: 'gridcell', title: title || null } }, text ?? ''),
      ),
    );
  }

  private renderDetail(): void {
    const event = this.active >= 0 ? this.eventAt(this.shown[this.active] ?? -1) : undefined;
    if (!event || !this.timeline) {
      this.detail.replaceChildren();
      return;
    }
    replaceChildren(
      this.detail,
      h('strong', {}, `${formatDuration(event.time)} ${event.type} ${event.reason} `),
      `${event.object.kind}/${event.object.name} · ${event.source} · `,
      event.message,
    );
  }

  private scrollTo(position: number): void {
    const rowHeight = this.rowHeight();
    const top = position * rowHeight;
    const height = this.scroller.clientHeight;
    if (top < this.scroller.scrollTop || top + rowHeight > this.scroller.scrollTop + height) {
      this.scroller.scrollTop = Math.max(0, top - rowHeight * 2);
    }
    this.render();
  }

  private activate(position: number): void {
    const event = this.eventAt(this.shown[position] ?? -1);
    if (!event) return;
    this.active = position;
    this.scrollTo(position);
    this.events.onActivate(event);
  }

  private wire(): void {
    const changed = (): void => {
      this.refilter();
      this.events.onFilterChange();
    };
    this.search.addEventListener('input', changed);
    this.typeSelect.addEventListener('change', changed);
    this.onlySelected.addEventListener('change', changed);
    this.scroller.addEventListener('scroll', () => {
      if (this.frame !== 0) return;
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.render();
      });
    });
    this.sizer.addEventListener('click', (event) => {
      const target = event.target instanceof Element ? event.target.closest('.pl-ev-row') : null;
      const id = target?.id.replace('pl-ev-', '');
      if (id !== undefined && id !== '') {
        this.grid.focus({ preventScroll: true });
        this.activate(Number(id));
      }
    });
    this.grid.addEventListener('keydown', (event) => {
      if (this.shown.length === 0) return;
      const page = VISIBLE_ROWS - 1;
      let next: number | null = null;
      switch (event.key) {
        case 'ArrowDown':
          next = Math.min(this.shown.length - 1, this.active + 1);
          break;
        case 'ArrowUp':
          next = Math.max(0, this.active - 1);
          break;
        case 'PageDown':
          next = Math.min(this.shown.length - 1, this.active + page);
          break;
        case 'PageUp':
          next = Math.max(0, this.active - page);
          break;
        case 'Home':
          next = 0;
          break;
        case 'End':
          next = this.shown.length - 1;
          break;
        case 'Enter':
        case ' ':
          if (this.active >= 0) this.activate(this.active);
          event.preventDefault();
          return;
        default:
          return;
      }
      event.preventDefault();
      this.active = next;
      this.scrollTo(next);
    });
  }
}
