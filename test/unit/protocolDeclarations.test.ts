/**
 * The protocol is declared once: every custom message is a constant in server/src/protocol, every
 * command identifier comes from podlineCommands.ts, and package.json agrees with both.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import {
  contributedCommands,
  internalCommands,
  podlineCommands,
} from '../../server/src/protocol/podlineCommands';
import { podlineMessages } from '../../server/src/protocol/podlineProtocol';
import { SIMULATION_VIEW_TYPE } from '../../server/src/protocol/webviewProtocol';

const root = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  activationEvents: string[];
  contributes: {
    commands: { command: string }[];
    menus?: Record<string, { command: string }[]>;
    keybindings?: { command: string }[];
  };
};

/** The TypeScript sources of the sides of the protocol, as [path relative to the root, text]. */
function sources(...dirs: string[]): [string, string][] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((entry) => {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) return entry === 'fixtures' ? [] : walk(full);
      return full.endsWith('.ts') ? [full] : [];
    });
  return dirs
    .flatMap((dir) => walk(join(root, dir)))
    .map((file): [string, string] => [relative(root, file), readFileSync(file, 'utf8')]);
}

const sides = sources('client/src', 'client/webview', 'server/src', 'test');

test('package.json contributes exactly the commands of podlineCommands.ts, and no internal one', () => {
  assert.deepEqual(
    manifest.contributes.commands.map((entry) => entry.command).sort(),
    Object.values(contributedCommands).sort(),
  );
  for (const id of Object.values(internalCommands))
    assert.ok(!manifest.contributes.commands.some((entry) => entry.command === id), id);
});

test('every menu and keybinding of package.json names a contributed command', () => {
  const known = new Set<string>(Object.values(contributedCommands));
  const references = [
    ...Object.entries(manifest.contributes.menus ?? {}).flatMap(([menu, items]) =>
      items.map((item) => [menu, item.command] as const),
    ),
    ...(manifest.contributes.keybindings ?? []).map((item) => ['keybindings', item.command] as const),
  ];
  assert.ok(references.length > 0);
  for (const [where, command] of references) assert.ok(known.has(command), `${where}: ${command}`);
});

test('the simulation panel is activated by the view type the protocol declares', () => {
  assert.ok(manifest.activationEvents.includes(`onWebviewPanel:${SIMULATION_VIEW_TYPE}`));
});

test('no source spells a command identifier outside podlineCommands.ts', () => {
  const ids = new Set<string>(Object.values(podlineCommands));
  const found: string[] = [];
  for (const [file, text] of sides) {
    if (file.endsWith('podlineCommands.ts')) continue;
    for (const match of text.matchAll(/['"`](podline\.[A-Za-z]+)['"`]/g))
      if (ids.has(match[1] ?? '')) found.push(`${file}: ${match[1]}`);
  }
  assert.deepEqual(found, []);
});

test('no source spells a method of the protocol, or builds a message type, outside the protocol and adapters', () => {
  const methods = new Set<string>(
    [...podlineMessages.requests, ...podlineMessages.serverNotifications].map((message) => message.method),
  );
  assert.equal(methods.size, 4);
  const found: string[] = [];
  for (const [file, text] of sides) {
    if (file.startsWith('server/src/protocol/')) continue;
    for (const match of text.matchAll(/['"](podline\/[A-Za-z]+)['"]/g))
      if (methods.has(match[1] ?? '')) found.push(`${file}: ${match[1]}`);
    if (!file.endsWith('lspMessages.ts') && /new (Request|Notification)Type\d?\s*</.test(text))
      found.push(`${file}: builds a message type by hand`);
  }
  assert.deepEqual(found, []);
});

test('every request and notification is a constant that carries its method', () => {
  for (const message of [...podlineMessages.requests, ...podlineMessages.serverNotifications]) {
    assert.match(message.method, /^podline\/[a-z][A-Za-z]+$/);
  }
  assert.deepEqual(
    podlineMessages.requests.map((request) => request.kind),
    podlineMessages.requests.map(() => 'request'),
  );
});
