/**
 * The tooltip shown for a bar (on hover) or a row (on keyboard focus): a title and label/value
 * pairs, written with `textContent`, kept inside the window.
 */

import { h, replaceChildren } from './dom';
import type { Details } from './podDetails';

/** One tooltip element, reused. */
export class Tooltip {
  readonly element: HTMLDivElement;

  constructor(id: string) {
    this.element = h('div', { class: 'pl-tooltip', id, attrs: { role: 'tooltip', hidden: true } });
    document.body.appendChild(this.element);
  }

  /** Shows `details` near the point (x, y) in viewport coordinates. */
  show(details: Details, x: number, y: number): void {
    const list = h('dl', {});
    for (const [label, value] of details.fields) list.append(h('dt', {}, label), h('dd', {}, value));
    replaceChildren(
      this.element,
      h('div', { class: 'pl-tooltip-title' }, details.title),
      h('div', { class: 'pl-tooltip-subtitle' }, details.subtitle),
      list,
    );
    this.element.hidden = false;
    const width = this.element.offsetWidth;
    const height = this.element.offsetHeight;
    const margin = 12;
    let left = x + margin;
    let top = y + margin;
    if (left + width > window.innerWidth - 4) left = Math.max(4, x - width - margin);
    if (top + height > window.innerHeight - 4) top = Math.max(4, y - height - margin);
    this.element.style.left = `${left}px`;
    this.element.style.top = `${top}px`;
  }

  hide(): void {
    this.element.hidden = true;
  }

  /** The title shown, or null when hidden (used by tests through the DOM). */
  get visible(): boolean {
    return !this.element.hidden;
  }
}
