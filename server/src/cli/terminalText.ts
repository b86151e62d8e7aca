/**
 * Text a CI log or a terminal can trust. Manifest values and file names reach the CLI's text
 * output: a newline in a label value could forge a finding line or a GitHub workflow command
 * (`::error file=...`), an escape sequence could rewrite the terminal, and a bidi override
 * could make a line read differently from what it is. Control characters, bidi controls and
 * the line and paragraph separators are written as visible escapes, as JSON would write them.
 */

// C0 and C1 controls and DEL; the bidi embedding, override and isolate controls and the marks;
// the line and paragraph separators.
const unsafe = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const named: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `text` with every control, bidi control and line separator escaped (`\n`, `\u001b`, `\u202e`). */
export function escapeForTerminal(text: string): string {
  return text.replace(
    unsafe,
    (character) => named[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * A copy of a JSON-like value with every string escaped (`escapeForTerminal`): the values a
 * manifest or scenario put into a timeline (names, messages, notes) before text is laid out
 * around them, so a newline inside a value cannot start a line of its own.
 */
export function escapeStringsDeep<T>(value: T): T {
  if (typeof value === 'string') return escapeForTerminal(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => escapeStringsDeep(item)) as T;
  if (value !== null && typeof value === 'object') {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) result[key] = escapeStringsDeep(item);
    return result as T;
  }
  return value;
}

/**
 * Multi-line text with each line escaped: the line breaks it was built with stay, every other
 * control and bidi character inside a line is made visible. For outputs assembled from many
 * values (a timeline, a schedule's explanation).
 */
export function escapeLinesForTerminal(text: string): string {
  return text.split('\n').map(escapeForTerminal).join('\n');
}

/**
 * A relative path as a SARIF `artifactLocation.uri`: forward slashes, each segment
 * percent-encoded (a space, `%`, `#`, `?` or a newline in a file name would otherwise give a
 * malformed or different URI).
 */
export function pathToUriReference(path: string): string {
  return path
    .split('\\')
    .join('/')
    .replace(/^\.\//, '')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}
