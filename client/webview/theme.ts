/**
 * The colours and fonts the canvases draw with, read from CSS custom properties. The stylesheet
 * maps VS Code's `--vscode-*` theme variables (with fallbacks for the standalone page) onto
 * `--pl-*` names, so a theme change in VS Code, or a light/dark switch of the page, only needs a
 * re-read here and a repaint.
 */

/** Everything a painter needs to draw in the current theme. */
export interface Theme {
  readonly background: string;
  readonly foreground: string;
  readonly muted: string;
  readonly grid: string;
  readonly selection: string;
  readonly hover: string;
  readonly focus: string;
  /** High-contrast themes outline every bar. */
  readonly contrastBorder: string | null;
  readonly pending: string;
  readonly running: string;
  readonly succeeded: string;
  readonly failed: string;
  readonly terminating: string;
  readonly backoff: string;
  readonly condition: string;
  readonly playhead: string;
  readonly fontFamily: string;
  /** The UI font size in CSS pixels. */
  readonly fontSize: number;
  readonly highContrast: boolean;
}

const FALLBACK_FONT = 'system-ui, -apple-system, "Segoe UI", Ubuntu, "Noto Sans", sans-serif';

/** Reads the theme from the computed style of `element` (normally `document.body`). */
export function readTheme(element: HTMLElement): Theme {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  const border = read('--pl-contrast-border', '');
  const highContrast =
    document.body.classList.contains('vscode-high-contrast') ||
    document.body.classList.contains('vscode-high-contrast-light');
  const size = Number.parseFloat(read('--pl-font-size', '13'));
  return {
    background: read('--pl-bg', '#ffffff'),
    foreground: read('--pl-fg', '#1f1f1f'),
    muted: read('--pl-muted', '#6b6b6b'),
    grid: read('--pl-grid', 'rgba(128,128,128,0.25)'),
    selection: read('--pl-selection', 'rgba(0,120,212,0.25)'),
    hover: read('--pl-hover', 'rgba(128,128,128,0.12)'),
    focus: read('--pl-focus', '#0078d4'),
    contrastBorder: highContrast && border !== '' && border !== 'transparent' ? border : null,
    pending: read('--pl-pending', '#bf8803'),
    running: read('--pl-running', '#1a85ff'),
    succeeded: read('--pl-succeeded', '#388a34'),
    failed: read('--pl-failed', '#e51400'),
    terminating: read('--pl-terminating', '#8b4fc4'),
    backoff: read('--pl-backoff', '#d18616'),
    condition: read('--pl-condition', '#0e7c86'),
    playhead: read('--pl-playhead', '#e51400'),
    fontFamily: read('--pl-font-family', FALLBACK_FONT),
    fontSize: Number.isFinite(size) && size > 0 ? size : 13,
    highContrast,
  };
}

/** Calls `onChange` when the theme may have changed: VS Code's body classes and variables, or the OS scheme. */
export function watchTheme(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.body, { attributes: true, attributeFilter: ['class', 'data-vscode-theme-kind'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
  const scheme = window.matchMedia('(prefers-color-scheme: dark)');
  scheme.addEventListener('change', onChange);
  return () => {
    observer.disconnect();
    scheme.removeEventListener('change', onChange);
  };
}
