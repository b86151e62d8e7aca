/**
 * The scenario form: seed, pod run time, a failure probability and its exit code, the number of
 * worker nodes, and timed events (disruptions, drains, suspend and resume). It produces scenario
 * YAML for the host to save beside the manifest (in VS Code) or for the user to download (the
 * standalone page).
 */

import { formEventTypes } from '../../server/src/protocol/webviewProtocol';
import type { SimulatedKind, WebviewHost } from '../../server/src/protocol/webviewProtocol';
import { h, setAttr } from './dom';
import { t } from './i18n';
import type { MessageKey } from './i18n';
import { buildScenarioYaml, eventTarget } from './scenarioYaml';
import type { FieldError, FormEvent, FormEventType, ScenarioFormValues } from './scenarioYaml';

/** What the form tells the app. */
export interface ScenarioFormEvents {
  onSubmit(yaml: string): void;
  onOpenFile(): void;
  onChange(values: ScenarioFormValues): void;
}

/** The scenario form in a collapsible section. */
export class ScenarioForm {
  readonly element: HTMLDetailsElement;
  private readonly fields: Record<
    'seed' | 'runTime' | 'failureProbability' | 'exitCode' | 'nodes',
    HTMLInputElement
  >;
  private readonly eventList: HTMLOListElement;
  private readonly status: HTMLParagraphElement;
  private events: FormEvent[] = [];
  /** The event types offered: those that apply to the workload's kind. */
  private readonly eventTypes: readonly FormEventType[];

  constructor(
    values: ScenarioFormValues,
    host: WebviewHost,
    kind: SimulatedKind,
    private readonly documentIndex: number | null,
    scenarioFile: string,
    private readonly callbacks: ScenarioFormEvents,
  ) {
    const input = (id: string, value: string, inputMode: string): HTMLInputElement =>
      h('input', {
        class: 'pl-input',
        id: `pl-sc-${id}`,
        attrs: { type: 'text', value, inputmode: inputMode, 'aria-describedby': `pl-sc-${id}-error` },
      });
    this.fields = {
      seed: input('seed', values.seed, 'numeric'),
      runTime: input('runTime', values.runTime, 'text'),
      failureProbability: input('failureProbability', values.failureProbability, 'decimal'),
      exitCode: input('exitCode', values.exitCode, 'numeric'),
      nodes: input('nodes', values.nodes, 'numeric'),
    };
    this.eventTypes = formEventTypes(kind);
    this.events = [...values.events];
    this.eventList = h('ol', { class: 'pl-sc-events' });
    this.status = h('p', { class: 'pl-sc-status', attrs: { role: 'status' } });
    const field = (name: keyof typeof this.fields, label: MessageKey, hint?: MessageKey): HTMLElement =>
      h(
        'div',
        { class: 'pl-sc-field' },
        h('label', { attrs: { for: `pl-sc-${name}` } }, t(label)),
        this.fields[name],
        hint ? h('span', { class: 'pl-hint' }, t(hint)) : null,
        h('span', { class: 'pl-error', id: `pl-sc-${name}-error` }),
      );
    const buttons =
      host === 'vscode'
        ? [
            h('button', { class: 'pl-button', attrs: { type: 'submit' } }, t('saveScenario')),
            this.button(t('openScenario'), () => this.callbacks.onOpenFile(), 'pl-button pl-secondary'),
          ]
        : [h('button', { class: 'pl-button', attrs: { type: 'submit' } }, t('downloadScenario'))];
    const form = h(
      'form',
      { class: 'pl-sc-form', attrs: { novalidate: true } },
      h(
        'p',
        { class: 'pl-hint' },
        t('scenarioIntro'),
        ' ',
        host === 'vscode' ? t('scenarioFileNote', { file: scenarioFile }) : t('scenarioPageNote'),
      ),
      h(
        'div',
        { class: 'pl-sc-grid' },
        field('seed', 'seed'),
        field('runTime', 'runTime', 'runTimeHint'),
        field('failureProbability', 'failureProbability'),
        field('exitCode', 'exitCode'),
        field('nodes', 'nodes'),
      ),
      h(
        'fieldset',
        { class: 'pl-sc-fieldset' },
        h('legend', {}, t('disruptions')),
        this.eventList,
        this.button(
          `+ ${t('addDisruption')}`,
          () => {
            this.events.push({ at: '30s', type: 'disruptPod', target: '1' });
            this.renderEvents();
            this.changed();
            this.eventList.querySelector<HTMLInputElement>('li:last-child input')?.focus();
          },
          'pl-button pl-secondary',
        ),
      ),
      h('div', { class: 'pl-sc-actions' }, ...buttons),
      this.status,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    form.addEventListener('input', () => this.changed());
    this.element = h(
      'details',
      { class: 'pl-scenario', id: 'pl-scenario' },
      h('summary', {}, h('h2', {}, t('scenario'))),
      form,
    );
    this.renderEvents();
  }

  /** Confirms a save. */
  saved(path: string): void {
    this.status.textContent = t('scenarioSaved', { path });
  }

  get values(): ScenarioFormValues {
    return {
      seed: this.fields.seed.value,
      runTime: this.fields.runTime.value,
      failureProbability: this.fields.failureProbability.value,
      exitCode: this.fields.exitCode.value,
      nodes: this.fields.nodes.value,
      events: this.events.map((event) => ({ ...event })),
    };
  }

  private button(label: string, onClick: () => void, className = 'pl-button'): HTMLButtonElement {
    const button = h('button', { class: className, attrs: { type: 'button' } }, label);
    button.addEventListener('click', onClick);
    return button;
  }

  private changed(): void {
    this.callbacks.onChange(this.values);
  }

  private renderEvents(): void {
    this.eventList.replaceChildren();
    this.events.forEach((event, i) => {
      const at = h('input', {
        class: 'pl-input pl-sc-at',
        id: `pl-sc-events-${i}-at`,
        attrs: {
          type: 'text',
          value: event.at,
          'aria-label': `${t('at')} (${i + 1})`,
          'aria-describedby': `pl-sc-events-${i}-error`,
        },
      });
      const type = h(
        'select',
        { class: 'pl-select', attrs: { 'aria-label': `${t('eventType')} (${i + 1})` } },
        // A saved event of a type the kind does not take stays as it was, for the user to change.
        ...(this.eventTypes.includes(event.type) ? this.eventTypes : [...this.eventTypes, event.type]).map(
          (value) => h('option', { attrs: { value, selected: value === event.type } }, t(value)),
        ),
      );
      const target = h('input', {
        class: 'pl-input pl-sc-target',
        id: `pl-sc-events-${i}-target`,
        attrs: {
          type: 'text',
          value: event.target,
          'aria-label': `${t('target')} (${i + 1})`,
          'aria-describedby': `pl-sc-events-${i}-error`,
          hidden: eventTarget(event.type) === 'none',
        },
      });
      at.addEventListener('input', () => {
        this.events[i] = { ...(this.events[i] as FormEvent), at: at.value };
      });
      target.addEventListener('input', () => {
        this.events[i] = { ...(this.events[i] as FormEvent), target: target.value };
      });
      type.addEventListener('change', () => {
        this.events[i] = { ...(this.events[i] as FormEvent), type: type.value as FormEventType };
        target.hidden = eventTarget(type.value as FormEventType) === 'none';
        this.changed();
      });
      this.eventList.append(
        h(
          'li',
          { class: 'pl-sc-event' },
          h('span', { class: 'pl-sc-label', attrs: { 'aria-hidden': 'true' } }, t('at')),
          at,
          type,
          target,
          this.button(
            t('remove'),
            () => {
              this.events.splice(i, 1);
              this.renderEvents();
              this.changed();
            },
            'pl-button pl-secondary pl-small',
          ),
          h('span', { class: 'pl-error', id: `pl-sc-events-${i}-error` }),
        ),
      );
    });
  }

  private submit(): void {
    for (const element of this.element.querySelectorAll('.pl-error')) element.textContent = '';
    for (const element of this.element.querySelectorAll('[aria-invalid]'))
      element.removeAttribute('aria-invalid');
    const result = buildScenarioYaml(this.values, this.documentIndex);
    if (!result.ok) {
      this.showErrors(result.errors);
      return;
    }
    this.status.textContent = '';
    this.callbacks.onSubmit(result.yaml);
  }

  private showErrors(errors: readonly FieldError[]): void {
    let first: HTMLElement | null = null;
    for (const error of errors) {
      const [name, index, part] = error.field.split('.');
      const id = name === 'events' ? `pl-sc-events-${index}-${part}` : `pl-sc-${name}`;
      const errorId = name === 'events' ? `pl-sc-events-${index}-error` : `pl-sc-${name}-error`;
      const input = this.element.querySelector<HTMLElement>(`#${id}`);
      const message = this.element.querySelector<HTMLElement>(`#${errorId}`);
      if (input) setAttr(input, 'aria-invalid', 'true');
      if (message) message.textContent = t(error.key, error.args ?? {});
      first ??= input;
    }
    this.status.textContent = t('fixErrors');
    first?.focus();
  }
}
