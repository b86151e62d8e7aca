/**
 * The standalone timeline page: one self-contained HTML file with the webview's own bundle and
 * stylesheet inlined, and the timeline as a JSON data block. A few lines of script stand in for
 * VS Code's `acquireVsCodeApi`: when the bundle says it is ready, they post the timeline to it,
 * exactly as the panel's host does. No network: the Content-Security-Policy allows nothing but
 * the page's own nonce-tagged script and style.
 */

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '../core/l10n';
import type { Timeline } from '../core/simulator/timeline';
import type { TimelineMessage } from '../protocol/webviewProtocol';

/** The webview bundle and stylesheet, as the build writes them to `dist/webview/`. */
export interface WebviewAssets {
  readonly script: string;
  readonly css: string;
}

/** Reads the webview bundle beside the CLI bundle (`dist/cli/podline.js` → `dist/webview/`). */
export function loadWebviewAssets(cliDirectory: string = __dirname): WebviewAssets {
  const directory = join(cliDirectory, '..', 'webview');
  return {
    script: readFileSync(join(directory, 'main.js'), 'utf8'),
    css: readFileSync(join(directory, 'main.css'), 'utf8'),
  };
}

/** Text safe inside a `<script>` or `<style>` element: its closing tag cannot appear. */
function inlineSafe(text: string, tag: 'script' | 'style'): string {
  return text
    .replace(/\n\/[/*]# sourceMappingURL=[^\n]*\s*$/, '\n')
    .replace(new RegExp(`</(${tag})`, 'gi'), '<\\/$1');
}

/** JSON safe inside an HTML data block: `<`, `>`, `&` and the JavaScript line separators are escaped. */
function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Text safe in an element or a double-quoted attribute. */
function escapeHtml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The page's stand-in for `acquireVsCodeApi`: it answers `ready` with the timeline message,
 * keeps the view's state in sessionStorage, and turns exports and scenarios into downloads,
 * since there is no host to save them.
 */
const SHIM = `(function () {
  'use strict';
  var data = document.getElementById('podline-message');
  var message = JSON.parse(data ? data.textContent : 'null');
  // The view's state (zoom, selection, filter) survives a reload of the page, as in VS Code.
  var key = 'podline-state';
  var state;
  try { state = JSON.parse(sessionStorage.getItem(key) || 'null') || undefined; } catch (e) { state = undefined; }
  function download(name, text, base64, type) {
    var blob;
    if (base64) {
      var bytes = atob(text);
      var array = new Uint8Array(bytes.length);
      for (var i = 0; i < bytes.length; i++) array[i] = bytes.charCodeAt(i);
      blob = new Blob([array], { type: type });
    } else {
      blob = new Blob([text], { type: type });
    }
    var link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }
  var types = { svg: 'image/svg+xml', png: 'image/png', json: 'application/json' };
  window.acquireVsCodeApi = function () {
    return {
      postMessage: function (m) {
        if (!m || typeof m !== 'object') return;
        if (m.type === 'ready' && message) window.postMessage(message, '*');
        else if (m.type === 'export') download(m.fileName, m.data, m.format === 'png', types[m.format] || 'application/octet-stream');
        else if (m.type === 'scenario') download(message && message.timeline ? message.timeline.name + '.podline-scenario.yaml' : 'scenario.yaml', m.yaml, false, 'application/yaml');
      },
      getState: function () { return state; },
      setState: function (s) {
        state = s;
        try { sessionStorage.setItem(key, JSON.stringify(s)); } catch (e) { /* storage is optional */ }
      }
    };
  };
})();`;

/** The standalone page for a timeline. The same inputs give the same bytes. */
export function renderTimelineHtml(
  timeline: Timeline,
  title: string,
  locale: Locale,
  webviewScript: string,
  css: string,
): string {
  const message: TimelineMessage = { type: 'timeline', timeline, title, locale, host: 'page', source: null };
  const data = jsonForHtml(message);
  const script = inlineSafe(webviewScript, 'script');
  const style = inlineSafe(css, 'style');
  // A static page has no server to draw a fresh nonce from; a digest of the content is as
  // unguessable to injected markup and keeps the output deterministic.
  const nonce = createHash('sha256').update(SHIM).update(script).update(style).update(data).digest('base64');
  const csp = [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    'img-src data: blob:',
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(locale)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="podline">',
    `<title>${escapeHtml(title)}</title>`,
    `<style nonce="${nonce}">${style}</style>`,
    '</head>',
    '<body>',
    '<div id="podline-root"></div>',
    `<script type="application/json" id="podline-message">${data}</script>`,
    `<script nonce="${nonce}">${SHIM}</script>`,
    `<script nonce="${nonce}">${script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
