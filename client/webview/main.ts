/**
 * The webview's entry point, shared by the VS Code panel and the standalone HTML page. It imports
 * neither `vscode` nor the LSP library: it announces that it is ready, then renders what the host
 * sends (checked by the protocol's parser), always as text or canvas pixels.
 */
import './styles.css';
import { parseHostMessage } from '../../server/src/protocol/webviewProtocol';
import type { WebviewMessage } from '../../server/src/protocol/webviewProtocol';
import { TimelineApp } from './app';
import type { HostApi } from './app';
import { guessLocale, setLocale } from './i18n';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscodeApi = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
const host: HostApi | undefined = vscodeApi && {
  postMessage: (message: WebviewMessage) => vscodeApi.postMessage(message),
  getState: () => vscodeApi.getState(),
  setState: (state: unknown) => vscodeApi.setState(state),
};

setLocale(guessLocale(navigator.language));
const root =
  document.getElementById('podline-root') ?? document.body.appendChild(document.createElement('div'));
root.id = 'podline-root';
const app = new TimelineApp(root, host);

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseHostMessage(event.data);
  if (message) app.handle(message);
});

host?.postMessage({ type: 'ready' });
