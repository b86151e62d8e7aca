/**
 * The simulation view: the summary, the toolbar (playback, zoom, export, legend), the timeline,
 * the counts chart, the events table and the scenario form, wired together. It renders whatever
 * the host sends and reports back only through `postMessage`.
 */

import type {
  ExportFormat,
  HostMessage,
  SimulationSource,
  TimelineEvent,
  TimelineMessage,
  WebviewHost,
  WebviewMessage,
} from '../../server/src/protocol/webviewProtocol';
import { scenarioFileName } from '../../server/src/protocol/webviewProtocol';
import { CountsChart } from './chart';
import { h, replaceChildren, setAttr } from './dom';
import { EventsTable, NO_FILTER } from './eventsTable';
import { exportTimeline } from './exporter';
import { formatDuration } from './format';
import { setLocale, t } from './i18n';
import type { MessageKey } from './i18n';
import { ScenarioForm } from './scenarioForm';
import { defaultFormValues, parseFormValues } from './scenarioYaml';
import type { ScenarioFormValues } from './scenarioYaml';
import { renderSummary } from './summaryHeader';
import { readTheme, watchTheme } from './theme';
import type { Theme } from './theme';
import { buildTimelineModel, countsAt } from './timelineModel';
import type { TimelineModel } from './timelineModel';
import { TimelineView } from './timelineView';
import { Tooltip } from './tooltip';
import { makeViewState, parseViewState } from './viewState';
import type { ViewState } from './viewState';

/** The part of `acquireVsCodeApi()` the view uses. */
export interface HostApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}

/** Playback speeds: simulated seconds per real second; 0 plays the whole run in ten seconds. */
const SPEEDS = [0, 1, 10, 60, 600, 3600];

/** The widgets that exist once a timeline has arrived. */
interface Widgets {
  readonly summary: HTMLElement;
  readonly view: TimelineView;
  readonly chart: CountsChart;
  readonly events: EventsTable;
  readonly form: ScenarioForm;
  readonly play: HTMLButtonElement;
  readonly scrub: HTMLInputElement;
  readonly now: HTMLSpanElement;
  readonly speed: HTMLSelectElement;
}

/** The whole webview. */
export class TimelineApp {
  private readonly banner: HTMLDivElement;
  private readonly main: HTMLDivElement;
  private readonly tooltip: Tooltip;
  private theme: Theme;
  private widgets: Widgets | null = null;
  private model: TimelineModel | null = null;
  private message: TimelineMessage | null = null;
  private state: ViewState;
  private playhead: number | null = null;
  private playing = false;
  private lastFrame = 0;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private built: { locale: string; host: WebviewHost; key: string } | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly api: HostApi | undefined,
  ) {
    this.state = parseViewState(api?.getState());
    this.banner = h('div', { class: 'pl-banner', id: 'pl-banner', attrs: { hidden: true } });
    this.main = h('div', { class: 'pl-main' }, h('p', { class: 'pl-waiting' }, t('waiting')));
    this.tooltip = new Tooltip('pl-tooltip');
    this.theme = readTheme(document.body);
    replaceChildren(root, this.banner, this.main);
    watchTheme(() => {
      this.theme = readTheme(document.body);
      this.widgets?.view.setTheme(this.theme);
      this.renderChart();
    });
  }

  /** Handles one message from the host. */
  handle(message: HostMessage): void {
    switch (message.type) {
      case 'timeline':
        this.showTimeline(message);
        break;
      case 'loading':
        setLocale(message.locale);
        this.showBanner('loading', t('loading'));
        break;
      case 'error':
        setLocale(message.locale);
        this.showBanner('error', t('errorTitle'), message.message, this.model ? t('keptPrevious') : '');
        break;
      case 'scenarioSaved':
        this.widgets?.form.saved(message.path);
        break;
    }
  }

  private showBanner(kind: 'loading' | 'error' | 'none', title = '', detail = '', note = ''): void {
    if (kind === 'none') {
      this.banner.hidden = true;
      this.banner.replaceChildren();
      return;
    }
    this.banner.hidden = false;
    this.banner.className = `pl-banner pl-banner-${kind}`;
    setAttr(this.banner, 'role', kind === 'error' ? 'alert' : 'status');
    setAttr(this.banner, 'aria-busy', kind === 'loading' ? 'true' : null);
    replaceChildren(
      this.banner,
      h('strong', {}, kind === 'loading' ? `⟳ ${title}` : `⚠ ${title}`),
      detail ? h('pre', { class: 'pl-banner-detail' }, detail) : null,
      note ? h('span', {}, note) : null,
    );
  }

  private showTimeline(message: TimelineMessage): void {
    performance.mark('podline:timeline-received');
    const started = performance.now();
    setLocale(message.locale);
    document.documentElement.lang = message.locale;
    const timeline = message.timeline;
    const key = `${timeline.kind}/${timeline.namespace}/${timeline.name}`;
    const sameWorkload = this.state.key === key;
    const model = buildTimelineModel(timeline);
    const modelMs = performance.now() - started;
    this.model = model;
    this.message = message;
    this.showBanner('none');

    const formValues: ScenarioFormValues = sameWorkload
      ? parseFormValues(this.state.form, timeline.seed)
      : defaultFormValues(timeline.seed);
    if (
      !this.widgets ||
      this.built?.locale !== message.locale ||
      this.built.host !== message.host ||
      this.built.key !== key
    ) {
      this.widgets = this.build(message, formValues);
      this.built = { locale: message.locale, host: message.host, key };
    }
    const widgets = this.widgets;
    renderSummary(widgets.summary, model, message.title);
    document.title = message.title;

    const selectedRow =
      sameWorkload && this.state.selectedPod !== null
        ? (model.rowOfPod.get(this.state.selectedPod) ?? null)
        : null;
    this.playhead =
      sameWorkload && this.state.playhead !== null ? Math.min(this.state.playhead, model.end) : null;
    widgets.scrub.max = String(model.end);
    widgets.scrub.step = 'any';
    widgets.view.setPlayhead(this.playhead);
    widgets.view.setModel(model, sameWorkload ? this.state.window : null, selectedRow);
    widgets.chart.setPoints(model.counts, model.end);
    widgets.events.setTimeline(timeline, sameWorkload ? this.state.filter : NO_FILTER);
    widgets.events.setSelectedPod(selectedRow !== null ? this.podName(selectedRow) : null, false);
    this.updatePlayheadControls();
    this.renderChart();

    const renderMs = performance.now() - started;
    performance.measure('podline:render', 'podline:timeline-received');
    this.root.dataset['modelMs'] = modelMs.toFixed(1);
    this.root.dataset['renderMs'] = renderMs.toFixed(1);
    this.root.dataset['rows'] = String(model.rows.length);
    this.state = makeViewState({
      source: message.source ?? this.state.source,
      key,
      window: widgets.view.window,
      selectedPod: selectedRow !== null ? this.podName(selectedRow) : null,
      playhead: this.playhead,
      filter: widgets.events.filter,
      form: formValues,
    });
    this.saveState();
  }

  private build(message: TimelineMessage, formValues: ScenarioFormValues): Widgets {
    const summary = h('header', {
      class: 'pl-summary',
      id: 'pl-summary',
      attrs: { 'aria-label': t('summaryLabel') },
    });
    const view = new TimelineView(this.theme, this.tooltip, {
      onSelect: (row) => this.selectRow(row, 'timeline'),
      onViewChange: () => {
        this.renderChart();
        this.saveState();
      },
      onScrub: (time) => this.setPlayhead(time),
      onTogglePlay: () => this.togglePlay(),
    });
    const chart = new CountsChart();
    const events = new EventsTable({
      onActivate: (event) => this.activateEvent(event),
      onFilterChange: () => this.saveState(),
    });
    const source: SimulationSource | null = message.source ?? this.state.source;
    const form = new ScenarioForm(
      formValues,
      message.host,
      message.timeline.kind,
      source?.documentIndex ?? null,
      scenarioFileNameOf(source?.uri ?? ''),
      {
        onSubmit: (yaml) => this.post({ type: 'scenario', yaml }),
        onOpenFile: () => this.post({ type: 'openScenario' }),
        onChange: () => this.saveState(),
      },
    );
    const play = this.button('▶', t('play'), () => this.togglePlay(), 'pl-play');
    const scrub = h('input', {
      class: 'pl-scrub',
      id: 'pl-scrub',
      attrs: { type: 'range', min: 0, max: 1, step: 'any', value: 0, 'aria-label': t('playhead') },
    });
    scrub.addEventListener('input', () => this.setPlayhead(Number(scrub.value)));
    const now = h('span', { class: 'pl-now', id: 'pl-now' });
    const speed = h(
      'select',
      { class: 'pl-select', id: 'pl-speed', attrs: { 'aria-label': t('speed'), title: t('speed') } },
      ...SPEEDS.map((value) => h('option', { attrs: { value } }, value === 0 ? '10 s' : `×${value}`)),
    );
    const exportButtons = (['svg', 'png', 'json'] as const).map((format) =>
      this.button(
        t(`export${format[0]?.toUpperCase()}${format.slice(1)}` as MessageKey),
        `${t('exportLabel')}: ${format.toUpperCase()}`,
        () => this.export(format),
        'pl-button pl-secondary pl-small',
      ),
    );
    const toolbar = h(
      'div',
      { class: 'pl-toolbar', attrs: { role: 'toolbar', 'aria-label': t('controls') } },
      h('div', { class: 'pl-group' }, play, scrub, speed, now),
      h(
        'div',
        { class: 'pl-group' },
        this.button('−', t('zoomOut'), () => view.zoom(2), 'pl-button pl-secondary pl-icon'),
        this.button('+', t('zoomIn'), () => view.zoom(0.5), 'pl-button pl-secondary pl-icon'),
        this.button('⤢', t('fit'), () => view.fit(), 'pl-button pl-secondary pl-icon'),
      ),
      h(
        'div',
        { class: 'pl-group', attrs: { role: 'group', 'aria-label': t('exportLabel') } },
        h('span', { class: 'pl-group-label' }, '⤓'),
        ...exportButtons,
      ),
    );
    const legend = this.legend();
    replaceChildren(
      this.main,
      summary,
      toolbar,
      legend,
      view.element,
      chart.element,
      events.element,
      form.element,
    );
    return { summary, view, chart, events, form, play, scrub, now, speed };
  }

  private legend(): HTMLElement {
    const item = (swatch: string, label: string, glyph = ''): HTMLElement =>
      h(
        'li',
        { class: 'pl-legend-item' },
        h('span', { class: `pl-swatch ${swatch}`, attrs: { 'aria-hidden': 'true' } }, glyph),
        label,
      );
    return h(
      'ul',
      { class: 'pl-legend', attrs: { 'aria-label': t('legend') } },
      item('pl-swatch-pending', 'Pending'),
      item('pl-swatch-running', 'Running'),
      item('pl-swatch-succeeded', 'Succeeded'),
      item('pl-swatch-failed', 'Failed'),
      item('pl-swatch-terminating', t('terminating')),
      item('pl-swatch-backoff', t('backoffLegend')),
      item('pl-swatch-glyph', t('restartLegend'), '▼'),
      item('pl-swatch-glyph pl-glyph-exit', t('exitLegend'), '●'),
      item('pl-swatch-glyph pl-glyph-condition', t('conditionLegend'), '◆'),
    );
  }

  private button(
    text: string,
    label: string,
    onClick: () => void,
    className = 'pl-button',
  ): HTMLButtonElement {
    const button = h(
      'button',
      { class: className, attrs: { type: 'button', 'aria-label': label, title: label } },
      text,
    );
    button.addEventListener('click', onClick);
    return button;
  }

  private podName(row: number): string | null {
    const data = this.model?.rows[row];
    return data?.kind === 'pod' ? data.pod.name : null;
  }

  private selectRow(row: number | null, from: 'timeline' | 'events'): void {
    const widgets = this.widgets;
    if (!widgets) return;
    const name = row === null ? null : this.podName(row);
    widgets.events.setSelectedPod(name, from === 'timeline');
    if (from === 'events') widgets.view.select(row, 'center');
    this.saveState();
  }

  private activateEvent(event: TimelineEvent): void {
    const model = this.model;
    if (!model) return;
    let row: number | null = null;
    if (event.object.kind === 'Pod') row = model.rowOfPod.get(event.object.name) ?? null;
    else if (event.object.kind === 'Job')
      row = model.rows.findIndex(
        (candidate) => candidate.kind === 'job' && candidate.job.name === event.object.name,
      );
    if (row !== null && row >= 0) this.selectRow(row, 'events');
    this.setPlayhead(event.time);
  }

  private setPlayhead(time: number): void {
    const model = this.model;
    if (!model) return;
    this.playhead = Math.max(0, Math.min(time, model.end));
    this.widgets?.view.setPlayhead(this.playhead);
    this.updatePlayheadControls();
    this.renderChart();
    this.saveState();
  }

  private updatePlayheadControls(): void {
    const widgets = this.widgets;
    const model = this.model;
    if (!widgets || !model) return;
    const time = this.playhead ?? model.end;
    widgets.scrub.value = String(time);
    setAttr(widgets.scrub, 'aria-valuetext', formatDuration(time));
    const counts = countsAt(model.counts, time);
    widgets.now.textContent = `${formatDuration(time)} / ${formatDuration(model.end)} — ${t('atTime', {
      time: formatDuration(time),
      active: counts.active,
      succeeded: counts.succeeded,
      failed: counts.failed,
    })}`;
    widgets.play.textContent = this.playing ? '⏸' : '▶';
    setAttr(widgets.play, 'aria-label', this.playing ? t('pause') : t('play'));
    setAttr(widgets.play, 'title', this.playing ? t('pause') : t('play'));
    setAttr(widgets.play, 'aria-pressed', this.playing ? 'true' : 'false');
  }

  private togglePlay(): void {
    const model = this.model;
    if (!model) return;
    this.playing = !this.playing;
    if (this.playing) {
      if (this.playhead === null || this.playhead >= model.end) this.playhead = 0;
      this.lastFrame = performance.now();
      requestAnimationFrame((now) => this.tick(now));
    }
    this.updatePlayheadControls();
  }

  private tick(now: number): void {
    const model = this.model;
    const widgets = this.widgets;
    if (!this.playing || !model || !widgets) return;
    const elapsed = Math.max(0, now - this.lastFrame) / 1000;
    this.lastFrame = now;
    const chosen = Number(widgets.speed.value);
    const speed = chosen > 0 ? chosen : model.end / 10;
    const next = (this.playhead ?? 0) + elapsed * speed;
    if (next >= model.end) {
      this.playing = false;
      this.setPlayhead(model.end);
      return;
    }
    this.playhead = next;
    widgets.view.setPlayhead(next);
    widgets.view.follow(next);
    this.updatePlayheadControls();
    this.renderChart();
    requestAnimationFrame((time) => this.tick(time));
  }

  private renderChart(): void {
    const widgets = this.widgets;
    if (!widgets || !this.model) return;
    const { t0, t1 } = widgets.view.window;
    const box = widgets.view.barsBox;
    widgets.chart.render(this.theme, t0, t1, box.left, box.width, this.playhead);
  }

  private export(format: ExportFormat): void {
    const model = this.model;
    const message = this.message;
    if (!model || !message) return;
    try {
      const data = exportTimeline(format, model, this.theme, message.title);
      this.post({ type: 'export', format, fileName: data.fileName, data: data.data });
    } catch (error) {
      this.showBanner('error', t('exportFailed', { error: String(error) }));
    }
  }

  private post(message: WebviewMessage): void {
    this.api?.postMessage(message);
  }

  /** Saves the view state a moment after the last change. */
  private saveState(): void {
    const widgets = this.widgets;
    if (!this.api || !widgets) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      const row = widgets.view.selectedRow;
      this.state = makeViewState({
        source: this.state.source,
        key: this.state.key,
        window: widgets.view.window,
        selectedPod: row !== null ? this.podName(row) : null,
        playhead: this.playhead,
        filter: widgets.events.filter,
        form: widgets.form.values,
      });
      this.api?.setState(this.state);
    }, 200);
  }
}

/** The scenario file's name for a manifest URI. */
function scenarioFileNameOf(uri: string): string {
  let base = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    base = decodeURIComponent(base);
  } catch {
    // A malformed escape: show the name as it is.
  }
  return scenarioFileName(base);
}
