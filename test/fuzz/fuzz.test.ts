import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { exercise, loadCorpus, minimise, mutate, randomStream } from './fuzzHarness';

const root = join(__dirname, '..', '..', '..');
const regressions = join(root, 'test', 'fixtures', 'fuzz-regressions');

// The budget inside `npm test`; `npm run fuzz` sets PODLINE_FUZZ_ITERATIONS (and a seed) for long runs.
const iterations = Number(process.env['PODLINE_FUZZ_ITERATIONS'] ?? 600);
const seed = Number(process.env['PODLINE_FUZZ_SEED'] ?? 20261122);
// Generous inside `npm test` (a call on a small mutated manifest takes a few milliseconds; this
// catches hangs, not speed); `npm run fuzz` holds every call to 1 s.
const maxMs = Number(process.env['PODLINE_FUZZ_MAX_MS'] ?? 2000);

test(
  `fuzz: ${iterations} mutated manifests through analysis, quick fixes, hover, completion, lenses, cron and simulation with random scenarios (seed ${seed})`,
  { timeout: 30 * 60_000 },
  () => {
    const random = randomStream(seed);
    const corpus = loadCorpus();
    const heapBefore = process.memoryUsage().heapUsed;
    for (let i = 0; i < iterations; i++) {
      let text = corpus[Math.floor(random() * corpus.length)] ?? '';
      const rounds = 1 + Math.floor(random() * 4);
      for (let round = 0; round < rounds; round++) text = mutate(text, random);
      const failures = exercise(text, random, maxMs);
      if (failures.length > 0) {
        const [first] = failures;
        const minimal = minimise(text, (candidate) =>
          exercise(candidate, randomStream(1), maxMs).some(
            (failure) => failure.operation === first?.operation,
          ),
        );
        assert.fail(
          `iteration ${i}: ${first?.operation} failed: ${first?.error}\nminimal input (add it to test/fixtures/fuzz-regressions/):\n${JSON.stringify(minimal)}`,
        );
      }
    }
    global.gc?.();
    const growth = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
    // The heap must not grow with the number of inputs; 200 MB is far above the working set.
    assert.ok(growth < 200, `heap grew by ${growth.toFixed(0)} MB`);
  },
);

test('fuzz regressions: inputs the fuzzer once broke stay fixed', () => {
  for (const name of readdirSync(regressions).sort()) {
    const text = readFileSync(join(regressions, name), 'utf8');
    assert.deepEqual(exercise(text, randomStream(1), maxMs), [], name);
  }
});
