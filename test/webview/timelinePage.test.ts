/**
 * The simulation view in a real browser: the standalone page (`renderTimelineHtml`, the CLI's
 * `--format html`) built from the same webview bundle as the VS Code panel, driven by Playwright
 * in Debian's Chromium. Run `node scripts/build.mjs` first; set PODLINE_UPDATE_SCREENSHOTS=1 to
 * rewrite the README's pictures in media/.
 */
import assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { loadWebviewAssets, renderTimelineHtml } from '../../server/src/cli/timelineHtml';
import type { Timeline } from '../../server/src/core/simulator/timeline';
import { simulateDocument } from '../../server/src/core/simulator/simulateDocument';
import { makeLargeTimeline } from './largeTimeline';

const root = join(__dirname, '..', '..', '..');
const chromiumPath = process.env['PODLINE_CHROMIUM'] ?? '/usr/bin/chromium';
const fixtures = join(root, 'test', 'fixtures', 'timelines');
const updateScreenshots = process.env['PODLINE_UPDATE_SCREENSHOTS'] === '1';
const skip = existsSync(chromiumPath) ? false : `no Chromium at ${chromiumPath}`;

/** Seed manifests with the scenario that shows what each is about (docs/scenarios.md). */
const seeds: [manifest: string, scenario: string][] = [
  ['job-pi', 'pods:\n  runTime: 10s\n  exitCodes:\n    - exitCode: 1\n'],
  ['job-calculate-pi-parallel', 'pods:\n  runTime: 30s\n'],
  [
    'job-pod-failure-policy-failjob',
    'pods:\n  runTime: 30s\n  exitCodes:\n    - exitCode: 42\n      pods: 2\n',
  ],
  [
    'job-pod-failure-policy-ignore',
    'pods:\n  runTime: 30s\nevents:\n  - at: 15s\n    type: drainNode\n    node: worker-1\n',
  ],
  [
    'job-indexed-downward-api',
    'pods:\n  runTime: 20s\n  exitCodes:\n    - exitCode: 1\n      indexes: 2\n      attempts: 1\n',
  ],
  ['cronjob-hello-batch-v1', ''],
  [
    'daemonset-fluentd-elasticsearch',
    'events:\n  - at: 60s\n    type: addNode\n    node:\n      name: worker-3\n  - at: 120s\n    type: changeTemplate\n  - at: 180s\n    type: labelNode\n    node: worker-1\n    labels:\n      disk: ssd\n',
  ],
];

/** The timeline of a seed manifest under its scenario, from the simulator itself. */
function simulateSeed(manifest: string, scenario: string): Timeline {
  const text = readFileSync(join(root, 'test', 'fixtures', 'seed-manifests', `${manifest}.yaml`), 'utf8');
  const result = simulateDocument(text, { scenarioText: scenario });
  if (!result.ok) throw new Error(`${manifest}: ${JSON.stringify(result.error)}`);
  return result.timeline;
}

function fixture(name: string): Timeline {
  return JSON.parse(readFileSync(join(fixtures, `${name}.json`), 'utf8')) as Timeline;
}

/** What a page did that it should not have: dialogs, script errors, CSP violations, console errors. */
interface Incidents {
  readonly dialogs: string[];
  readonly errors: string[];
  readonly console: string[];
}

let browser: Browser;
let scratch: string;
let assets: ReturnType<typeof loadWebviewAssets>;

interface OpenOptions {
  readonly scheme?: 'light' | 'dark';
  readonly width?: number;
  readonly height?: number;
  readonly scale?: number;
  readonly locale?: 'en' | 'zh-CN';
  readonly title?: string;
}

async function open(
  timeline: Timeline,
  options: OpenOptions = {},
): Promise<{ page: Page; incidents: Incidents }> {
  const html = renderTimelineHtml(
    timeline,
    options.title ?? `${timeline.kind} ${timeline.name}`,
    options.locale ?? 'en',
    assets.script,
    assets.css,
  );
  const file = join(scratch, `page-${Math.random().toString(36).slice(2)}.html`);
  writeFileSync(file, html);
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    deviceScaleFactor: options.scale ?? 1,
    colorScheme: options.scheme ?? 'light',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const incidents: Incidents = { dialogs: [], errors: [], console: [] };
  page.on('dialog', (dialog) => {
    incidents.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => incidents.errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') incidents.console.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('#pl-timeline[data-rows]');
  return { page, incidents };
}

async function close(page: Page): Promise<void> {
  await page.context().close();
}

/** How many pixels of the bars canvas are painted (not transparent). */
async function paintedPixels(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('canvas.pl-bars');
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return 0;
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) painted++;
    return painted;
  });
}

/** The viewport point over the bars of `podName` at `time` seconds. */
async function pointAt(page: Page, podName: string, time: number): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ podName, time }) => {
      const view = document.getElementById('pl-timeline') as HTMLElement;
      const bars = document.querySelector('canvas.pl-bars') as HTMLCanvasElement;
      const option = [...document.querySelectorAll<HTMLElement>('[role=option]')].find(
        (element) => element.dataset['pod'] === podName,
      );
      if (!option) throw new Error(`no row for ${podName}`);
      const t0 = Number(view.dataset['t0']);
      const t1 = Number(view.dataset['t1']);
      const box = bars.getBoundingClientRect();
      const row = option.getBoundingClientRect();
      return { x: box.left + ((time - t0) / (t1 - t0)) * box.width, y: row.top + row.height / 2 };
    },
    { podName, time },
  );
}

async function selectedPod(page: Page): Promise<string | null> {
  return page.evaluate(
    () => document.querySelector<HTMLElement>('[role=option][aria-selected=true]')?.dataset['pod'] ?? null,
  );
}

function assertClean(incidents: Incidents): void {
  assert.deepEqual(incidents.dialogs, [], 'no dialog may open');
  assert.deepEqual(incidents.errors, [], 'no script error');
  assert.deepEqual(incidents.console, [], 'no console error or CSP violation');
}

describe('the timeline page in Chromium', { skip }, () => {
  before(async () => {
    assets = loadWebviewAssets(join(root, 'dist', 'cli'));
    scratch = mkdtempSync(join(tmpdir(), 'podline-webview-'));
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--font-render-hinting=none',
      ],
    });
  });

  after(async () => {
    await browser?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  const cases: [name: string, rows: number, outcome: string][] = [
    ['job-backoff-limit', 6, 'Failed'],
    ['job-parallel', 9, 'Complete'],
    ['job-indexed', 7, 'Complete'],
    ['job-on-failure', 2, 'Complete'],
    ['cronjob-hello', 6, 'Scheduling'],
    ['daemonset-fluentd', 6, 'RolledOut'],
  ];
  for (const [name, rows, outcome] of cases) {
    test(`${name}: renders its rows, paints the bars, shows the summary`, async () => {
      const timeline = fixture(name);
      const { page, incidents } = await open(timeline);
      assert.equal(await page.getAttribute('#pl-timeline', 'data-rows'), String(rows));
      assert.equal(await page.locator('[role=option]').count(), rows);
      assert.ok((await paintedPixels(page)) > 2000, 'the bars canvas is painted');
      assert.equal(await page.getAttribute('#pl-outcome', 'data-outcome'), outcome);
      assert.equal(await page.textContent('#pl-title'), `${timeline.kind} ${timeline.name}`);
      const count = await page.textContent('.pl-events-count');
      assert.equal(count, `${timeline.events.length} of ${timeline.events.length} events`);
      assertClean(incidents);
      await close(page);
    });
  }

  test('Indexed Jobs group pods by index; DaemonSets by node', async () => {
    const indexed = await open(fixture('job-indexed'));
    const details = await indexed.page.$$eval('[role=option] .pl-row-detail', (nodes) =>
      nodes.map((node) => node.textContent),
    );
    assert.deepEqual(details, ['Job', '#0', '#1', '#2', '#2', '#3', '#4']);
    await close(indexed.page);
    const daemon = await open(fixture('daemonset-fluentd'));
    const nodes = await daemon.page.$$eval('[role=option] .pl-row-detail', (items) =>
      items.map((item) => item.textContent),
    );
    assert.deepEqual(nodes, ['worker-1', 'worker-1', 'worker-2', 'worker-2', 'worker-3', 'worker-3']);
    await close(daemon.page);
  });

  test('zoom changes the axis (keys and ctrl+wheel), and 0 shows the whole run again', async () => {
    const { page, incidents } = await open(fixture('job-backoff-limit'));
    const labels = (): Promise<string | null> => page.getAttribute('canvas.pl-axis', 'data-labels');
    const whole = await labels();
    const wholeAria = await page.getAttribute('canvas.pl-axis', 'aria-label');
    await page.focus('#pl-rows');
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await page.waitForFunction(
      (before) => document.querySelector('canvas.pl-axis')?.getAttribute('data-labels') !== before,
      whole,
    );
    const zoomed = await labels();
    assert.notEqual(zoomed, whole);
    assert.notEqual(await page.getAttribute('canvas.pl-axis', 'aria-label'), wholeAria);
    await page.keyboard.press('0');
    await page.waitForFunction(
      (before) => document.querySelector('canvas.pl-axis')?.getAttribute('data-labels') === before,
      whole,
    );
    const box = await page.locator('canvas.pl-bars').boundingBox();
    assert.ok(box);
    await page.mouse.move(box.x + box.width / 2, box.y + 10);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -400);
    await page.keyboard.up('Control');
    await page.waitForFunction(
      (before) => document.querySelector('canvas.pl-axis')?.getAttribute('data-labels') !== before,
      whole,
    );
    const t0 = Number(await page.getAttribute('#pl-timeline', 'data-t0'));
    const t1 = Number(await page.getAttribute('#pl-timeline', 'data-t1'));
    assert.ok(t1 - t0 < 205, `zoomed in to ${t0}–${t1}`);
    assertClean(incidents);
    await close(page);
  });

  test('the tooltip shows the pod under the pointer', async () => {
    const timeline = fixture('job-backoff-limit');
    const { page, incidents } = await open(timeline);
    for (const pod of [timeline.pods[2], timeline.pods[4]]) {
      assert.ok(pod);
      const point = await pointAt(page, pod.name, pod.created + 5);
      await page.mouse.move(point.x, point.y);
      await page.waitForSelector('#pl-tooltip:not([hidden])');
      assert.equal(await page.textContent('#pl-tooltip .pl-tooltip-title'), pod.name);
      const text = (await page.textContent('#pl-tooltip')) ?? '';
      assert.match(text, /exit 1 \(Error\)/);
      assert.match(text, /Backoff before/);
    }
    await page.mouse.move(1, 1);
    await page.waitForSelector('#pl-tooltip[hidden]', { state: 'attached' });
    assertClean(incidents);
    await close(page);
  });

  test('the events table filters, and links to the bars both ways', async () => {
    const timeline = fixture('job-backoff-limit');
    const { page, incidents } = await open(timeline);
    await page.fill('#pl-events-filter', 'BackoffLimitExceeded');
    assert.equal(await page.textContent('.pl-events-count'), `1 of ${timeline.events.length} events`);
    await page.fill('#pl-events-filter', '');
    await page.selectOption('#pl-events-type', 'Warning');
    assert.equal(await page.locator('.pl-ev-sizer [role=row]').count(), 1);
    await page.selectOption('#pl-events-type', 'all');

    // A row names a pod: clicking it selects that pod's row and moves the playhead to the event.
    const third = timeline.pods[2];
    assert.ok(third);
    await page.fill('#pl-events-filter', third.name);
    const row = page.locator('.pl-ev-sizer [role=row]', { hasText: 'Started' });
    await row.click();
    assert.equal(await selectedPod(page), third.name);
    assert.equal(await page.inputValue('#pl-scrub'), String(third.created + 1));

    // And a click on the bars highlights that pod's events.
    await page.fill('#pl-events-filter', '');
    const fifth = timeline.pods[4];
    assert.ok(fifth);
    const point = await pointAt(page, fifth.name, fifth.created + 5);
    await page.mouse.click(point.x, point.y);
    assert.equal(await selectedPod(page), fifth.name);
    const linked = await page.$$eval('.pl-ev-row.pl-linked', (rows) =>
      rows.map((row) => row.getAttribute('data-object')),
    );
    assert.ok(linked.length >= 4, `linked rows: ${linked.join(', ')}`);
    assert.ok(linked.every((object) => object === `Pod/${fifth.name}`));
    assertClean(incidents);
    await close(page);
  });

  test('the keyboard moves between pods, zooms and opens the details', async () => {
    const timeline = fixture('job-parallel');
    const { page, incidents } = await open(timeline);
    await page.focus('#pl-rows');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.getAttribute('#pl-rows', 'aria-activedescendant'), 'pl-row-2');
    const pod = await selectedPod(page);
    assert.ok(pod?.startsWith('pi-'));
    await page.keyboard.press('Enter');
    assert.equal(await page.textContent('#pl-tooltip .pl-tooltip-title'), pod);
    await page.keyboard.press('End');
    assert.equal(
      await page.getAttribute('#pl-rows', 'aria-activedescendant'),
      `pl-row-${timeline.pods.length}`,
    );
    await page.keyboard.press(' ');
    assert.equal(await page.getAttribute('.pl-play', 'aria-pressed'), 'true');
    await page.keyboard.press(' ');
    assert.equal(await page.getAttribute('.pl-play', 'aria-pressed'), 'false');
    assertClean(incidents);
    await close(page);
  });

  test('the view state (zoom, scroll, selection, filter) is saved with setState and restored on reload', async () => {
    const timeline = fixture('job-backoff-limit');
    const { page, incidents } = await open(timeline);
    const pod = timeline.pods[3];
    assert.ok(pod);
    await page.focus('#pl-rows');
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    const point = await pointAt(page, pod.name, pod.created + 5);
    await page.mouse.click(point.x, point.y);
    await page.fill('#pl-events-filter', 'Created');
    const window = async (): Promise<string> =>
      `${await page.getAttribute('#pl-timeline', 'data-t0')}–${await page.getAttribute('#pl-timeline', 'data-t1')}`;
    const zoomed = await window();
    await page.waitForFunction(
      ({ name, filter }) => {
        const state = JSON.parse(sessionStorage.getItem('podline-state') ?? 'null') as {
          selectedPod?: string;
          filter?: { text?: string };
        } | null;
        return state?.selectedPod === name && state.filter?.text === filter;
      },
      { name: pod.name, filter: 'Created' },
    );
    await page.reload();
    await page.waitForSelector('#pl-timeline[data-rows]');
    assert.equal(await selectedPod(page), pod.name);
    assert.equal(await window(), zoomed);
    assert.equal(await page.inputValue('#pl-events-filter'), 'Created');
    assertClean(incidents);
    await close(page);
  });

  test('hostile strings show as text and run nothing', async () => {
    const timeline = fixture('job-hostile');
    const evil = '<img src=x onerror=alert(1)>';
    const { page, incidents } = await open(timeline, { title: '</title><script>alert(16)</script>' });
    assert.equal(await page.textContent('[role=option][data-pod] .pl-row-name'), evil);
    assert.equal(await page.getAttribute('[role=option][data-pod]', 'data-pod'), evil);
    const point = await pointAt(page, evil, 3);
    await page.mouse.move(point.x, point.y);
    await page.waitForSelector('#pl-tooltip:not([hidden])');
    assert.equal(await page.textContent('#pl-tooltip .pl-tooltip-title'), evil);
    assert.match((await page.textContent('#pl-tooltip')) ?? '', /<img src=x onerror=alert\(3\)>/);
    assert.match((await page.textContent('.pl-notes')) ?? '', /<\/script><script>alert\(15\)<\/script>/);
    assert.match((await page.textContent('#pl-reason')) ?? '', /<script>alert\(12\)<\/script>/);
    assert.match((await page.textContent('.pl-ev-sizer')) ?? '', /<img src=x onerror=alert\(11\)> & <\/div>/);
    assert.equal(await page.textContent('#pl-title'), '</title><script>alert(16)</script>');
    // Exports escape the same strings.
    const download = page.waitForEvent('download');
    await page.click('button[aria-label="Export the timeline: SVG"]');
    const svg = readFileSync((await (await download).path()) ?? '', 'utf8');
    assert.ok(svg.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(!svg.includes('<img'));
    await page.waitForTimeout(0);
    const injected = await page.evaluate(() => ({
      elements: document.querySelectorAll('img, iframe, svg, b, object, embed').length,
      scripts: document.scripts.length,
    }));
    assert.deepEqual(injected, { elements: 0, scripts: 3 });
    assertClean(incidents);
    await close(page);
  });

  test('exports: JSON is the timeline, SVG and PNG are pictures of it', async () => {
    const timeline = fixture('job-indexed');
    const { page, incidents } = await open(timeline);
    const save = async (label: string): Promise<Buffer> => {
      const download = page.waitForEvent('download');
      await page.click(`button[aria-label="Export the timeline: ${label}"]`);
      const file = await (await download).path();
      return readFileSync(file ?? '');
    };
    assert.deepEqual(JSON.parse((await save('JSON')).toString('utf8')), timeline);
    const svg = (await save('SVG')).toString('utf8');
    assert.match(svg, /^<\?xml/);
    for (const pod of timeline.pods) assert.ok(svg.includes(pod.name), pod.name);
    const png = await save('PNG');
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.ok(png.length > 5000);
    assertClean(incidents);
    await close(page);
  });

  test('the scenario form checks its fields and produces scenario YAML', async () => {
    const { page, incidents } = await open(fixture('job-backoff-limit'));
    await page.click('#pl-scenario summary');
    await page.fill('#pl-sc-seed', 'seven');
    await page.click('.pl-sc-actions button[type=submit]');
    assert.equal(await page.getAttribute('#pl-sc-seed', 'aria-invalid'), 'true');
    assert.match((await page.textContent('#pl-sc-seed-error')) ?? '', /whole number/);
    await page.fill('#pl-sc-seed', '7');
    await page.fill('#pl-sc-failureProbability', '0.25');
    await page.fill('#pl-sc-exitCode', '42');
    await page.fill('#pl-sc-nodes', '3');
    await page.click('text=Add an event');
    await page.fill('#pl-sc-events-0-at', '1m');
    const download = page.waitForEvent('download');
    await page.click('.pl-sc-actions button[type=submit]');
    const yaml = readFileSync((await (await download).path()) ?? '', 'utf8');
    assert.match(yaml, /^seed: 7$/m);
    assert.match(yaml, /exitCode: 42\n {6}probability: 0.25/);
    assert.match(yaml, /- name: worker\n {4}count: 3/);
    assert.match(yaml, /- at: "1m"\n {4}type: disruptPod\n {4}pod: 1/);
    assertClean(incidents);
    await close(page);
  });

  test('Simplified Chinese', async () => {
    const { page, incidents } = await open(fixture('job-parallel'), { locale: 'zh-CN' });
    assert.equal(await page.textContent('#pl-events-heading'), '事件');
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    assert.match((await page.textContent('.pl-events-count')) ?? '', /个事件中的/);
    assertClean(incidents);
    await close(page);
  });

  test('readable at 200% zoom: nothing runs off the side', async () => {
    const { page, incidents } = await open(fixture('cronjob-hello'), { width: 640, height: 450, scale: 2 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.ok(overflow <= 1, `horizontal overflow of ${overflow}px`);
    assert.ok(await page.isVisible('#pl-outcome'));
    assert.ok((await paintedPixels(page)) > 2000);
    assertClean(incidents);
    await close(page);
  });

  test('10,000 pods: renders (timings are reported, not asserted)', async (t) => {
    const timeline = makeLargeTimeline(10_000);
    const started = Date.now();
    const { page, incidents } = await open(timeline);
    const loaded = Date.now() - started;
    assert.equal(await page.getAttribute('#pl-timeline', 'data-rows'), '10001');
    assert.ok((await paintedPixels(page)) > 2000);
    const timings = await page.evaluate(async () => {
      const root = document.getElementById('podline-root') as HTMLElement;
      const scroller = document.querySelector('.pl-tl-scroll') as HTMLElement;
      const rows = document.getElementById('pl-rows') as HTMLElement;
      const frame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));
      let start = performance.now();
      for (let i = 1; i <= 30; i++) {
        scroller.scrollTop = (scroller.scrollHeight * i) / 31;
        await frame();
      }
      const scrollFrame = (performance.now() - start) / 30;
      rows.focus();
      start = performance.now();
      for (let i = 0; i < 20; i++) {
        rows.dispatchEvent(new KeyboardEvent('keydown', { key: i < 10 ? '+' : '-', bubbles: true }));
        await frame();
      }
      const zoomFrame = (performance.now() - start) / 20;
      const received = performance.getEntriesByName('podline:timeline-received')[0]?.startTime ?? Number.NaN;
      return {
        received,
        model: Number(root.dataset['modelMs']),
        render: Number(root.dataset['renderMs']),
        scrollFrame,
        zoomFrame,
        options: document.querySelectorAll('[role=option]').length,
      };
    });
    const report = `10,000 pods: model ${timings.model} ms, first render ${timings.render} ms (the message arrived ${Math.round(timings.received)} ms after navigation; page load ${loaded} ms); scroll ${timings.scrollFrame.toFixed(1)} ms/frame, zoom ${timings.zoomFrame.toFixed(1)} ms/frame; ${timings.options} row elements in the DOM`;
    t.diagnostic(report);
    console.log(report);
    assert.ok(timings.options < 200, 'rows are virtualised');
    assertClean(incidents);
    await close(page);
  });

  for (const [manifest, scenario] of seeds) {
    test(`seed manifest ${manifest}: its simulated timeline renders`, async () => {
      const timeline = simulateSeed(manifest, scenario);
      const { page, incidents } = await open(timeline);
      const rows = timeline.pods.length + (timeline.kind === 'DaemonSet' ? 0 : timeline.jobs.length);
      assert.equal(await page.getAttribute('#pl-timeline', 'data-rows'), String(rows));
      assert.ok((await paintedPixels(page)) > 1000, 'the bars canvas is painted');
      assert.equal(await page.getAttribute('#pl-outcome', 'data-outcome'), timeline.summary.outcome);
      const first = timeline.pods[0];
      assert.ok(first);
      const point = await pointAt(page, first.name, first.created + 0.5);
      await page.mouse.move(point.x, point.y);
      await page.waitForSelector('#pl-tooltip:not([hidden])');
      assert.equal(await page.textContent('#pl-tooltip .pl-tooltip-title'), first.name);
      assertClean(incidents);
      await close(page);
    });
  }

  test('screenshots of seed manifests in light and dark', async () => {
    const target = updateScreenshots ? join(root, 'media') : join(root, 'out', 'screenshots');
    mkdirSync(target, { recursive: true });
    // The pod whose tooltip each picture shows, or null for none.
    const shots: [manifest: string, hover: number | null][] = [
      ['job-pi', 3],
      ['job-calculate-pi-parallel', null],
      ['job-indexed-downward-api', null],
      ['cronjob-hello-batch-v1', null],
      ['daemonset-fluentd-elasticsearch', null],
    ];
    for (const [manifest, hover] of shots) {
      const scenario = seeds.find(([name]) => name === manifest)?.[1] ?? '';
      const timeline = simulateSeed(manifest, scenario);
      for (const scheme of ['light', 'dark'] as const) {
        const { page, incidents } = await open(timeline, { scheme, width: 1200, height: 760 });
        if (hover !== null) {
          const pod = timeline.pods[hover];
          assert.ok(pod);
          const point = await pointAt(page, pod.name, pod.created + 4);
          await page.mouse.click(point.x, point.y);
          await page.mouse.move(point.x, point.y + 1);
          await page.waitForSelector('#pl-tooltip:not([hidden])');
        }
        await page.screenshot({ path: join(target, `timeline-${manifest}-${scheme}.png`) });
        assertClean(incidents);
        await close(page);
      }
    }
    const written = readdirSync(target).filter(
      (file) => file.startsWith('timeline-') && file.endsWith('.png'),
    );
    assert.ok(written.length >= 10);
  });
});

test('the page is deterministic and its data cannot close the script element', () => {
  const timeline = fixture('job-hostile');
  const page1 = renderTimelineHtml(timeline, 't', 'en', 'console.log(1)', 'body{}');
  const page2 = renderTimelineHtml(timeline, 't', 'en', 'console.log(1)', 'body{}');
  assert.equal(page1, page2);
  const data =
    /<script type="application\/json" id="podline-message">([^]*?)<\/script>/.exec(page1)?.[1] ?? '';
  assert.ok(!data.includes('<'), 'no < inside the data block');
  assert.equal(
    (JSON.parse(data) as { timeline: Timeline }).timeline.pods[0]?.name,
    '<img src=x onerror=alert(1)>',
  );
  assert.match(
    page1,
    /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-/,
  );
  assert.equal(
    renderTimelineHtml(timeline, 't', 'en', 'a("</script>")', '').includes('a("</script>")'),
    false,
  );
});
