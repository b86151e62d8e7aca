/**
 * The webview's browser code. It imports neither `vscode` nor the LSP library: it announces that
 * it is ready, then renders what the extension sends, always as text. The simulation timeline
 * builds on this handshake.
 */
interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscodeApi = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const data = event.data;
  if (typeof data !== 'object' || data === null) return;
  const message = data as { type?: unknown; title?: unknown };
  if (message.type === 'show' && typeof message.title === 'string') {
    const heading = document.createElement('h1');
    heading.textContent = message.title;
    document.body.replaceChildren(heading);
    vscodeApi?.setState({ title: message.title });
  }
});

vscodeApi?.postMessage({ type: 'ready' });
