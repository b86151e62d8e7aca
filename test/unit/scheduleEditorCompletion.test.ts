import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listTimeZoneNames, parseCronSchedule, scheduleNeverFires } from '../../server/src/core/cron';
import { computeCompletions } from '../../server/src/core/editor/editorFeatures';
import { SCHEDULE_PRESETS, scheduleCompletion } from '../../server/src/core/editor/scheduleCompletion';
import { cronJobYaml, editorContext } from './scheduleEditorTestSupport';

const NOW = '2026-01-15T00:00:00Z';

/** The completions with the cursor at the `|` of `marked` (which is removed from the text). */
function completeAt(marked: string, locale: 'en' | 'zh-CN' = 'en') {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return {
    text,
    offset,
    items: computeCompletions(editorContext(text, NOW, { locale }), offset, [scheduleCompletion]),
  };
}

test('schedule presets: every one is a valid Kubernetes schedule that runs', () => {
  assert.ok(SCHEDULE_PRESETS.length >= 15);
  for (const preset of SCHEDULE_PRESETS) {
    const parsed = parseCronSchedule(preset);
    assert.ok(parsed.ok, `${preset} parses`);
    assert.equal(scheduleNeverFires(parsed), null, `${preset} runs`);
  }
  for (const expected of [
    '* * * * *',
    '*/5 * * * *',
    '*/15 * * * *',
    '0 * * * *',
    '0 0 * * *',
    '0 9 * * 1-5',
  ]) {
    assert.ok(SCHEDULE_PRESETS.includes(expected), expected);
  }
  for (const expected of ['@hourly', '@daily', '@weekly', '@monthly', '@yearly', '@every 1h']) {
    assert.ok(SCHEDULE_PRESETS.includes(expected), expected);
  }
});

test('schedule completion: after "schedule: " every preset, quoted, with its description', () => {
  const { items, offset } = completeAt(cronJobYaml('|'));
  assert.deepEqual(
    items.map((item) => item.label),
    SCHEDULE_PRESETS,
  );
  const weekdays = items.find((item) => item.label === '0 9 * * 1-5');
  assert.ok(weekdays);
  assert.equal(weekdays.insertText, '"0 9 * * 1-5"');
  assert.equal(weekdays.detail, 'At 09:00, Monday through Friday');
  assert.deepEqual(weekdays.range, { start: offset, end: offset });
  assert.equal(
    items.find((item) => item.label === '@every 1h30m')?.detail?.startsWith('Every 1 hour 30 minutes'),
    true,
  );
  // Sorted in the order given, not alphabetically.
  const sortTexts = items.map((item) => item.sortText ?? '');
  assert.deepEqual([...sortTexts].sort(), sortTexts);
});

test('schedule completion: descriptions in Chinese', () => {
  const { items } = completeAt(cronJobYaml('|'), 'zh-CN');
  const detail = items.find((item) => item.label === '*/5 * * * *')?.detail ?? '';
  assert.match(detail, /5 分钟/);
});

test('schedule completion: inside quotes the text between them is replaced, unquoted', () => {
  const { text, items } = completeAt(cronJobYaml('"0 9|"'));
  const item = items[0];
  assert.ok(item?.range);
  const start = text.indexOf('"0 9"') + 1;
  assert.deepEqual(item.range, { start, end: start + 3 });
  assert.equal(item.insertText, item.label);
});

test('schedule completion: an unclosed quote is closed', () => {
  const { items } = completeAt(cronJobYaml("'0 9|"));
  assert.equal(items.find((item) => item.label === '@daily')?.insertText, "@daily'");
});

test('schedule completion: a plain value is replaced whole, by a quoted schedule', () => {
  const { text, items } = completeAt(cronJobYaml('0 9 * *| # soon'));
  const item = items.find((candidate) => candidate.label === '0 0 1 * *');
  assert.ok(item?.range);
  assert.equal(text.slice(item.range.start, item.range.end), '0 9 * *');
  assert.equal(item.insertText, '"0 0 1 * *"');
});

test('schedule completion: right after the colon a space is inserted first', () => {
  const { items } = completeAt(cronJobYaml('').replace('schedule: ', 'schedule:|'));
  assert.equal(items[0]?.insertText, ' "* * * * *"');
});

test('schedule completion: nothing on the key, in other fields or outside a CronJob', () => {
  assert.deepEqual(completeAt(cronJobYaml('"0 9 * * *"').replace('schedule', 'sche|dule')).items, []);
  assert.deepEqual(completeAt(cronJobYaml('"0 9 * * *"').replace('busybox', 'busy|box')).items, []);
  const job = 'apiVersion: batch/v1\nkind: Job\nspec:\n  schedule: |\n';
  assert.deepEqual(completeAt(job).items, []);
  // A `schedule:` deeper in the CronJob is not spec.schedule.
  const nested = cronJobYaml('"0 9 * * *"').replace(
    '          restartPolicy',
    '          schedule: |\n          restartPolicy',
  );
  assert.deepEqual(completeAt(nested).items, []);
});

test('time zone completion: every zone Go knows, with its offset now', () => {
  const { items, offset } = completeAt(cronJobYaml('"0 9 * * *"', '|'));
  assert.equal(items.length, listTimeZoneNames().length);
  const byName = new Map(items.map((item) => [item.label, item]));
  assert.equal(byName.get('America/New_York')?.detail, 'UTC-05:00 now');
  assert.equal(byName.get('Asia/Kolkata')?.detail, 'UTC+05:30 now');
  assert.equal(byName.get('UTC')?.detail, 'UTC+00:00 now');
  assert.equal(byName.has('Local'), false);
  assert.equal(byName.get('Europe/Berlin')?.insertText, 'Europe/Berlin');
  assert.deepEqual(byName.get('Europe/Berlin')?.range, { start: offset, end: offset });
  assert.equal(byName.get('Europe/Berlin')?.kind, 'enum');
});

test('time zone completion: replaces a partial name, keeps quotes, in Chinese', () => {
  const { text, items } = completeAt(cronJobYaml('"0 9 * * *"', 'Europe/Ber|'), 'zh-CN');
  const berlin = items.find((item) => item.label === 'Europe/Berlin');
  assert.ok(berlin?.range);
  assert.equal(text.slice(berlin.range.start, berlin.range.end), 'Europe/Ber');
  assert.equal(berlin.detail, '当前 UTC+01:00');
  const quoted = completeAt(cronJobYaml('"0 9 * * *"', '"Asia/|"')).items.find(
    (item) => item.label === 'Asia/Tokyo',
  );
  assert.equal(quoted?.insertText, 'Asia/Tokyo');
});
