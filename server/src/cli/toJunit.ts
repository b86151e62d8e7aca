/**
 * `podline check --format junit`: JUnit XML, the test report GitLab (`artifacts:reports:junit`)
 * and Jenkins (the JUnit plugin) read. A testsuite per file (or per template of a rendered
 * stream), a testcase per workload, or per other document; a testcase fails with one `<failure>`
 * listing the findings that fail the run under `--fail-on` (errors by default), and lists the
 * other findings in its `<system-out>`, so that they are seen without failing it. A file that was
 * not checked is a testsuite whose one testcase has an `<error>`: the test could not run.
 */

import type { CheckedFile, DocumentSummary, JsonFinding } from './checkFile';
import { escapeForTerminal } from './terminalText';

/**
 * Characters XML 1.0 does not allow at all, even as a character reference: the C0 controls but
 * tab, LF and CR, U+FFFE and U+FFFF, and a surrogate that is not half of a pair.
 */
const notXml =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function visibleEscape(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Text content: markup characters escaped, characters XML cannot hold made visible. */
export function xmlText(text: string): string {
  return text
    .replace(notXml, visibleEscape)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A double-quoted attribute value: also `"`, and tab, LF and CR, which a parser would turn into spaces. */
export function xmlAttribute(text: string): string {
  return xmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** A value from a manifest or a file name, as a line of a report: controls and bidi made visible. */
const shown = escapeForTerminal;

interface TestCase {
  name: string;
  failing: JsonFinding[];
  passing: JsonFinding[];
}

function caseName(document: DocumentSummary | undefined, index: number): string {
  if (document?.kind) return `${document.kind} ${document.name ?? `(document ${index})`}`;
  return `document ${index}`;
}

function findingLine(path: string, finding: JsonFinding): string {
  const { line, character } = finding.range.start;
  return `${shown(path)}:${line + 1}:${character + 1}: ${finding.severity} [${finding.code}] ${shown(finding.message)}`;
}

/** The testcases of one file: one per document, in order, and one more for a finding of none. */
function testCases(file: CheckedFile, fails: (finding: JsonFinding) => boolean): TestCase[] {
  const cases = new Map<number, TestCase>();
  const caseOf = (index: number): TestCase => {
    let found = cases.get(index);
    if (!found) {
      found = { name: caseName(file.documents[index], index), failing: [], passing: [] };
      cases.set(index, found);
    }
    return found;
  };
  file.documents.forEach((_, index) => caseOf(index));
  for (const finding of file.findings) {
    const testCase = caseOf(finding.document);
    (fails(finding) ? testCase.failing : testCase.passing).push(finding);
  }
  const list = [...cases].sort(([a], [b]) => a - b).map(([, testCase]) => testCase);
  // Two workloads of one kind and name: each name must still tell its testcase apart.
  const seen = new Map<string, number>();
  for (const testCase of list) seen.set(testCase.name, (seen.get(testCase.name) ?? 0) + 1);
  [...cases].forEach(([index, testCase]) => {
    if ((seen.get(testCase.name) ?? 0) > 1) testCase.name = `${testCase.name} (document ${index})`;
  });
  return list;
}

/** The whole report as one JUnit XML document. */
export function toJunit(
  files: readonly CheckedFile[],
  notChecked: readonly { readonly path: string; readonly message: string }[],
  fails: (finding: JsonFinding) => boolean,
): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const file of files) {
    const cases = testCases(file, fails);
    const failed = cases.filter((testCase) => testCase.failing.length > 0).length;
    tests += cases.length;
    failures += failed;
    const name = xmlAttribute(shown(file.path));
    const body = cases.map((testCase) => {
      const parts: string[] = [];
      const [first, ...others] = testCase.failing;
      if (first) {
        const message = others.length > 0 ? `${first.message} (and ${others.length} more)` : first.message;
        parts.push(
          `      <failure message="${xmlAttribute(shown(message))}" type="${xmlAttribute(first.code)}">${xmlText(
            testCase.failing.map((finding) => findingLine(file.path, finding)).join('\n'),
          )}</failure>`,
        );
      }
      if (testCase.passing.length > 0)
        parts.push(
          `      <system-out>${xmlText(
            testCase.passing.map((finding) => findingLine(file.path, finding)).join('\n'),
          )}</system-out>`,
        );
      const open = `    <testcase name="${xmlAttribute(shown(testCase.name))}" classname="${name}" file="${name}"`;
      return parts.length === 0 ? `${open}/>` : `${open}>\n${parts.join('\n')}\n    </testcase>`;
    });
    suites.push(
      `  <testsuite name="${name}" tests="${cases.length}" failures="${failed}" errors="0" skipped="0">${
        body.length > 0 ? `\n${body.join('\n')}\n  ` : ''
      }</testsuite>`,
    );
  }
  for (const file of notChecked) {
    const name = xmlAttribute(shown(file.path));
    tests += 1;
    suites.push(
      `  <testsuite name="${name}" tests="1" failures="0" errors="1" skipped="0">\n` +
        `    <testcase name="${name}" classname="${name}" file="${name}">\n` +
        `      <error message="${xmlAttribute(shown(file.message))}" type="not-checked">${xmlText(shown(file.message))}</error>\n` +
        `    </testcase>\n  </testsuite>`,
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="podline" tests="${tests}" failures="${failures}" errors="${notChecked.length}">\n` +
    `${suites.map((suite) => `${suite}\n`).join('')}</testsuites>\n`
  );
}
