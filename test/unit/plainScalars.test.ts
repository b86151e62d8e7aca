import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeDocument } from '../../server/src/core/analysis/analyzeDocument';
import { defaultSettings } from '../../server/src/core/settings';
import { parseYamlFile } from '../../server/src/core/yaml/parseYamlFile';
import {
  formatFloat32,
  mayBeTyped,
  plainKeyText,
  plainScalarValue,
} from '../../server/src/core/yaml/plainScalars';

// Expected values read from go-yaml v2's `resolve` (sigs.k8s.io/yaml/goyaml.v2/resolve.go), which
// Kubernetes' YAML decoding runs, and Go's strconv rules it relies on.

test('plain scalars are typed as go-yaml v2 types them', () => {
  const cases: [string, string | number | boolean | null][] = [
    ['yes', true],
    ['Y', true],
    ['On', true],
    ['no', false],
    ['OFF', false],
    ['n', false],
    ['', null],
    ['~', null],
    ['Null', null],
    ['nil', 'nil'],
    ['0', 0],
    ['-0', 0],
    ['+1', 1],
    ['0777', 511],
    ['08', 8],
    ['0o17', 15],
    ['0O17', 15],
    ['0x1F', 31],
    ['-0x1F', -31],
    ['0b101', 5],
    ['-0b101', -5],
    ['0b2', '0b2'],
    ['0x', '0x'],
    ['1_000', 1000],
    ['0_x1F', 31],
    ['1.5', 1.5],
    ['1.', 1],
    ['.5', 0.5],
    ['+.5', 0.5],
    ['1e3', 1000],
    ['1E-3', 0.001],
    ['1_0.5', 10.5],
    ['99999999999999999999', 1e20],
    ['9223372036854775807', 9223372036854775807],
    ['18446744073709551615', 18446744073709551615],
    // Out of range for ParseFloat: a string, not infinity.
    ['1e309', '1e309'],
    ['-1e309', '-1e309'],
    // Not go-yaml's: base 60, floats without digits, underscores after a dot.
    ['1:30', '1:30'],
    ['190:20:30', '190:20:30'],
    ['e1', 'e1'],
    ['E5', 'E5'],
    ['.', '.'],
    ['+.', '+.'],
    ['._5', '._5'],
    ['.5_0', '.5_0'],
    ['.inf', Infinity],
    ['-.Inf', -Infinity],
    ['+.INF', Infinity],
    ['nan', 'nan'],
    ['2001-12-14', '2001-12-14'],
    ['100m', '100m'],
    ['128Mi', '128Mi'],
    ['-', '-'],
    ['--flag', '--flag'],
    ['<<', '<<'],
  ];
  for (const [source, expected] of cases) assert.equal(plainScalarValue(source), expected, source);
  assert.ok(Number.isNaN(plainScalarValue('.NaN')));
  // Only the first characters go-yaml's resolveTable lists can start anything but a string.
  for (let code = 0x20; code < 0x7f; code++) {
    const first = String.fromCharCode(code);
    if (!mayBeTyped(first)) assert.equal(plainScalarValue(`${first}1`), `${first}1`);
  }
});

test('plain keys are spelled as the API server JSON conversion spells them', () => {
  const cases: [string, string][] = [
    ['name', 'name'],
    ['yes', 'true'],
    ['off', 'false'],
    ['1', '1'],
    ['0x1F', '31'],
    ['1.0', '1'],
    ['1.5', '1.5'],
    ['0.1', '0.1'],
    ['1e6', '1e+06'],
    ['123456', '123456'],
    ['1e-5', '1e-05'],
    ['0.0001', '0.0001'],
    ['123456789.0', '1.2345679e+08'],
    ['.inf', '.inf'],
    ['-.inf', '-.inf'],
    ['.nan', '.nan'],
    ['1:30', '1:30'],
    ['~', '~'],
  ];
  for (const [source, expected] of cases) assert.equal(plainKeyText(source), expected, source);
  assert.equal(formatFloat32(-2.5), '-2.5');
  assert.equal(formatFloat32(1e39), '.inf');
});

test('both readers type plain scalars the same way, tags and quotes aside', () => {
  const text = 'a: 1:30\nb: e1\nc: 0o17\nd: "1:30"\ne: !!int 7\n1.0: x\n';
  for (const withLibrary of [false, true]) {
    // A tab forces the yaml library to read the file.
    const model = parseYamlFile(withLibrary ? `${text}f:\tx\n` : text);
    const root = model.documents[0]?.root;
    assert.equal(root?.kind, 'map');
    if (root?.kind !== 'map') return;
    const values = Object.fromEntries(
      root.entries.map((entry) => [
        entry.key,
        entry.value?.kind === 'scalar' ? entry.value.value : undefined,
      ]),
    );
    assert.deepEqual(
      { ...values, f: undefined },
      { a: '1:30', b: 'e1', c: 15, d: '1:30', e: 7, 1: 'x', f: undefined },
      `with the library: ${withLibrary}`,
    );
  }
});

test('an env value of 1:30 or e1 is a string for Kubernetes, so no type error', () => {
  const manifest = `apiVersion: batch/v1
kind: Job
metadata:
  name: clock
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: main
          image: busybox:1.36
          env:
            - name: AT
              value: 1:30
            - name: LEVEL
              value: e1
            - name: RETRIES
              value: 0o17
`;
  const types = analyzeDocument(manifest, defaultSettings).findings.filter((finding) =>
    finding.code.startsWith('schema/'),
  );
  // The first two are strings; `0o17` is the integer 15, which an env value may not be.
  assert.deepEqual(
    types.map((finding) => [finding.code, finding.path]),
    [['schema/type', 'spec.template.spec.containers[0].env[2].value']],
  );
});
