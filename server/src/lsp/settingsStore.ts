import { DidChangeConfigurationNotification } from 'vscode-languageserver/node';
import type { Connection, InitializeParams } from 'vscode-languageserver/node';
import { normalizeLocale } from '../core/l10n';
import type { Locale } from '../core/l10n';
import { normalizeSettings } from '../core/settings';
import type { PodlineSettings } from '../core/settings';
import { logError } from './logError';

/**
 * How long a document waits for the client's `workspace/configuration` answer. A client that
 * says it answers and never does would otherwise leave every document without diagnostics.
 */
const CONFIGURATION_TIMEOUT_MS = 3000;

const timedOut = Symbol('timed out');

/**
 * Fetches the `podline` settings per document from the client and normalises them with the
 * core's single definition. Clients that cannot answer `workspace/configuration` get defaults.
 */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<PodlineSettings>>();
  private displayLocale: Locale = 'en';
  private canPull = false;
  private canRegister = false;
  private warnedAboutTimeout = false;

  constructor(private readonly connection: Connection) {}

  /** Reads what the client can do and its display language from `initialize`. */
  initialize(params: InitializeParams): void {
    const options: unknown = params.initializationOptions;
    const optionLocale =
      typeof options === 'object' && options !== null ? (options as { locale?: unknown }).locale : undefined;
    this.displayLocale = normalizeLocale(optionLocale ?? params.locale);
    this.canPull = params.capabilities.workspace?.configuration === true;
    this.canRegister = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  }

  /** Asks the client to tell the server when settings change. */
  registerForChanges(): void {
    if (this.canRegister) {
      void this.connection.client
        .register(DidChangeConfigurationNotification.type, { section: 'podline' })
        // Without the registration, settings changes reach the server only after a restart.
        .catch((error: unknown) => logError(this.connection, 'settings: registration', error));
    }
  }

  /** The settings for one document. */
  get(uri: string): Promise<PodlineSettings> {
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.fetch(uri);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** Drops every cached value after a configuration change. */
  clear(): void {
    this.cache.clear();
  }

  /** Drops the cached value of a closed document. */
  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private async fetch(uri: string): Promise<PodlineSettings> {
    if (!this.canPull) return normalizeSettings(undefined, this.displayLocale);
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const answer: unknown = this.connection.workspace.getConfiguration({
        scopeUri: uri,
        section: 'podline',
      });
      const raw = await Promise.race([
        answer,
        new Promise<typeof timedOut>((resolve) => {
          timer = setTimeout(() => resolve(timedOut), CONFIGURATION_TIMEOUT_MS);
        }),
      ]);
      if (raw === timedOut) {
        // The defaults for now; a late answer is kept for the document's next analysis.
        if (!this.warnedAboutTimeout) {
          this.warnedAboutTimeout = true;
          this.connection.console.warn(
            `[settings] the client did not answer workspace/configuration within ${CONFIGURATION_TIMEOUT_MS} ms; using the default settings (${uri})`,
          );
        }
        void Promise.resolve(answer).then(
          (late: unknown) => {
            if (this.cache.has(uri))
              this.cache.set(uri, Promise.resolve(normalizeSettings(late, this.displayLocale)));
          },
          () => undefined,
        );
        return normalizeSettings(undefined, this.displayLocale);
      }
      return normalizeSettings(raw, this.displayLocale);
    } catch (error) {
      // The client said it answers `workspace/configuration` and did not: the document is still
      // analysed, with the defaults, and the failure is logged rather than silently changing
      // what the user configured.
      logError(this.connection, 'settings', error, uri);
      return normalizeSettings(undefined, this.displayLocale);
    } finally {
      clearTimeout(timer);
    }
  }
}
