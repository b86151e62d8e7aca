// Generates server/src/core/cron/timeZoneData.ts, the zone database of Podline's cron engine, from a
// directory of TZif files (by default the machine's /usr/share/zoneinfo, Debian package tzdata).
//
//   node scripts/generateTimeZones.mjs [zoneinfo-dir]
//
// Why TZif files and not ICU or an npm package: the CronJob controller resolves spec.timeZone with
// Go's time.LoadLocation, whose database is a tree of TZif files (Go embeds the same files in
// time/tzdata). Reading the same format gives the same names (canonical zones plus the `backward`
// links such as US/Eastern and Etc/GMT+5) and lets us evaluate offsets with a port of Go's own
// lookup, instead of trusting an ICU build that accepts names Go rejects.
//
// What is kept, to stay small: only offsets from 1970 on (CronJobs never ran earlier, and Debian
// builds with `backzone`, whose extra pre-1970 history Go's data lacks anyway), no abbreviations,
// and no transitions that the zone's POSIX footer rule already predicts, the way Go's own "slim"
// data leaves them out. The script checks its output against a direct, Go-faithful reading of
// every file and refuses to write a file that disagrees at any checked instant.
import * as esbuild from 'esbuild';
import { readFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const zoneinfoDir = process.argv[2] ?? '/usr/share/zoneinfo';
const outFile = join(root, 'server/src/core/cron/timeZoneData.ts');

// Borrow the engine's decoder and Go's tzset port, so the check below uses the very code that
// will read the data at run time.
const bundle = await esbuild.build({
  entryPoints: [join(root, 'server/src/core/cron/zoneRules.ts')],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'neutral',
});
const engine = await import(
  'data:text/javascript;base64,' + Buffer.from(bundle.outputFiles[0].text).toString('base64')
);
const posixBundle = await esbuild.build({
  entryPoints: [join(root, 'server/src/core/cron/posixTzRule.ts')],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'neutral',
});
const posix = await import(
  'data:text/javascript;base64,' + Buffer.from(posixBundle.outputFiles[0].text).toString('base64')
);

/** Lists zone files relative to `dir`, skipping the posix/ and right/ copies and non-TZif files. */
function listZones(dir, prefix = '') {
  const found = [];
  for (const entry of readdirSync(dir).sort()) {
    const rel = prefix + entry;
    if (rel === 'posix' || rel === 'right' || rel === 'localtime' || rel === 'posixrules') continue;
    const full = join(dir, entry);
    const stat = statSync(full);
    if (stat.isDirectory()) {
      found.push(...listZones(full, rel + '/'));
    } else if (readFileSync(full).subarray(0, 4).toString('latin1') === 'TZif') {
      found.push(rel);
    }
  }
  return found;
}

/** Parses a TZif file the way Go's LoadLocationFromTZData does (64-bit data when present). */
function parseTzif(buffer) {
  const header = (at) => ({
    version: buffer[at + 4],
    isutcnt: buffer.readUInt32BE(at + 20),
    isstdcnt: buffer.readUInt32BE(at + 24),
    leapcnt: buffer.readUInt32BE(at + 28),
    timecnt: buffer.readUInt32BE(at + 32),
    typecnt: buffer.readUInt32BE(at + 36),
    charcnt: buffer.readUInt32BE(at + 40),
  });
  const blockSize = (h, timeSize) =>
    h.timecnt * timeSize +
    h.timecnt +
    h.typecnt * 6 +
    h.charcnt +
    h.leapcnt * (timeSize + 4) +
    h.isstdcnt +
    h.isutcnt;
  let h = header(0);
  let at = 44;
  let timeSize = 4;
  if (h.version >= 0x32) {
    at += blockSize(h, 4);
    h = header(at);
    at += 44;
    timeSize = 8;
  }
  const when = [];
  for (let i = 0; i < h.timecnt; i++) {
    when.push(timeSize === 8 ? Number(buffer.readBigInt64BE(at + i * 8)) : buffer.readInt32BE(at + i * 4));
  }
  at += h.timecnt * timeSize;
  const index = [...buffer.subarray(at, at + h.timecnt)];
  at += h.timecnt;
  const types = [];
  for (let i = 0; i < h.typecnt; i++) {
    types.push({ offset: buffer.readInt32BE(at + i * 6), isDst: buffer[at + i * 6 + 4] !== 0 });
  }
  at += h.typecnt * 6 + h.charcnt + h.leapcnt * (timeSize + 4) + h.isstdcnt + h.isutcnt;
  let footer = '';
  if (timeSize === 8) {
    const rest = buffer.subarray(at).toString('latin1');
    const match = /^\n([^\n]*)\n/.exec(rest);
    if (match) footer = match[1];
  }
  return { tx: when.map((w, i) => ({ when: w, index: index[i] })), types, footer };
}

/** Go's Location.lookup over the full file: the reference the compact data must reproduce. */
function referenceLookup(zone) {
  const tx = zone.tx.length > 0 ? zone.tx : [{ when: -Infinity, index: 0 }];
  const rule = zone.footer === '' ? null : posix.parsePosixTzRule(zone.footer);
  // Go's lookupFirstZone, for instants before the first transition.
  let first = 0;
  if (zone.tx.some((t) => t.index === 0)) {
    first = -1;
    const firstTx = zone.types[zone.tx[0]?.index ?? 0];
    if (zone.tx.length > 0 && firstTx?.isDst) {
      for (let zi = zone.tx[0].index - 1; zi >= 0; zi--) {
        if (!zone.types[zi].isDst) {
          first = zi;
          break;
        }
      }
    }
    if (first < 0)
      first = Math.max(
        0,
        zone.types.findIndex((t) => !t.isDst),
      );
  }
  return (sec) => {
    if (sec < tx[0].when) return zone.types[first].offset;
    let lo = 0;
    let hi = tx.length;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (sec < tx[mid].when) hi = mid;
      else lo = mid;
    }
    if (lo === tx.length - 1 && rule !== null) return posix.posixTzOffset(rule, sec);
    return zone.types[tx[lo].index].offset;
  };
}

/** Encodes offsets and transitions in the form ZoneRules.decode reads. */
function encode(offsets, initial, transitions, footer) {
  let previous = 0;
  const tokens = transitions.map(({ when, offset }) => {
    const token = offsets.indexOf(offset).toString(36) + (when - previous).toString(36);
    previous = when;
    return token;
  });
  return [
    offsets.map((o) => o.toString(36)).join(','),
    offsets.indexOf(initial).toString(36),
    tokens.join(','),
    footer,
  ].join('|');
}

const YEAR = 365.2425 * 86400;
const END = Math.round(130 * YEAR); // about 2100: the horizon of anything a CronJob will meet

/** Instants at which a compact encoding must agree with the reference. */
function checkpoints(zone, dense) {
  const points = new Set([0, END]);
  for (const { when } of zone.tx) {
    if (when < 0) continue;
    for (const d of [-86400, -3601, -1, 0, 1, 3599, 86400]) if (when + d >= 0) points.add(when + d);
  }
  if (dense) for (let t = 0; t < END; t += 7 * 3600 + 13) points.add(t);
  return [...points];
}

function agrees(encoded, reference, points) {
  const rules = engine.ZoneRules.decode(encoded);
  if (rules === null) return false;
  return points.every((t) => rules.offsetAt(t) === reference(t));
}

const names = listZones(zoneinfoDir);
const encodedByName = new Map();
const encodedByContent = new Map();
for (const name of names) {
  const content = readFileSync(join(zoneinfoDir, name));
  // Links are usually copies of their target: encode each distinct file once.
  const cacheKey = content.toString('base64');
  const cached = encodedByContent.get(cacheKey);
  if (cached !== undefined) {
    encodedByName.set(name, cached);
    continue;
  }
  const zone = parseTzif(content);
  const reference = referenceLookup(zone);
  const initial = reference(0);
  const transitions = [];
  let current = initial;
  for (const { when } of zone.tx) {
    if (when <= 0) continue;
    const offset = reference(when);
    if (offset !== current) transitions.push({ when, offset });
    current = offset;
  }
  const offsets = [...new Set([initial, ...transitions.map((t) => t.offset)])];
  if (offsets.length > 36) throw new Error(`${name}: too many distinct offsets to encode`);
  const footer = zone.footer;
  const sparse = checkpoints(zone, false);
  // Drop trailing transitions while the footer rule still reproduces them.
  let keep = transitions.length;
  if (!agrees(encode(offsets, initial, transitions, footer), reference, sparse)) {
    throw new Error(`${name}: the untrimmed encoding already disagrees with the file`);
  }
  while (keep > 0) {
    // Dropping transition keep-1 hands the interval since transition keep-2 to the footer rule:
    // check it on a 12-hour grid (a missed or extra daylight period lasts weeks) as well as at
    // the file's own transitions (which catches a change predicted at the wrong hour).
    const from = keep >= 2 ? transitions[keep - 2].when : 0;
    const to = transitions[keep - 1].when + 86400;
    const points = sparse.filter((t) => t >= from);
    for (let t = from; t <= to; t += 12 * 3600) points.push(t);
    if (!agrees(encode(offsets, initial, transitions.slice(0, keep - 1), footer), reference, points)) break;
    keep--;
  }
  const kept = transitions.slice(0, keep);
  const usedOffsets = [...new Set([initial, ...kept.map((t) => t.offset)])];
  const encoded = encode(usedOffsets, initial, kept, footer);
  if (!agrees(encoded, reference, checkpoints(zone, true))) {
    throw new Error(`${name}: the trimmed encoding disagrees with the file`);
  }
  encodedByName.set(name, encoded);
  encodedByContent.set(cacheKey, encoded);
}

// Zones with identical data since 1970 share one entry.
let transitionCount = 0;
const rules = [];
const groups = [];
for (const name of names) {
  const encoded = encodedByName.get(name);
  let index = rules.indexOf(encoded);
  if (index < 0) {
    index = rules.push(encoded) - 1;
    groups.push([]);
    transitionCount += encoded.split('|')[2].split(',').filter(Boolean).length;
  }
  groups[index].push(name);
}

const lowerCase = new Map();
for (const name of names) {
  const lower = name.toLowerCase();
  if (lowerCase.has(lower)) throw new Error(`${name} and ${lowerCase.get(lower)} differ only in case`);
  lowerCase.set(lower, name);
}

let version = 'unknown';
const zi = join(zoneinfoDir, 'tzdata.zi');
if (existsSync(zi)) version = /^# version (\S+)/.exec(readFileSync(zi, 'latin1'))?.[1] ?? version;

const quote = (text) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const output = `// Generated by scripts/generateTimeZones.mjs from tzdata ${version}; do not edit by hand.
// ${names.length} zone names, ${rules.length} distinct rule sets, ${transitionCount} transitions since 1970.

/** The IANA tzdata release this table was generated from. */
export const TIME_ZONE_DATA_VERSION = ${quote(version)};

/** Zone rules in ZoneRules.decode's format, one per distinct zone. */
export const TIME_ZONE_RULES: readonly string[] = [
${rules.map((r) => `  ${quote(r)},`).join('\n')}
];

/** For each entry of TIME_ZONE_RULES, the space-separated zone names that use it. */
export const TIME_ZONE_NAMES: readonly string[] = [
${groups.map((g) => `  ${quote(g.join(' '))},`).join('\n')}
];
`;
writeFileSync(outFile, output);
console.log(
  `wrote ${outFile}: ${names.length} names, ${rules.length} rule sets, ${transitionCount} transitions, ${output.length} bytes`,
);
