/**
 * The entry point of `podline-language-server`. The transport comes from the command line:
 * `--stdio` for any LSP editor, `--node-ipc` when VS Code starts it.
 */
import { startServer } from './lsp/startServer';

startServer();
