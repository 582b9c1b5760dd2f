/**
 * The repository stands alone: no comment, doc, test or script cites a reference file a user
 * who clones it does not have. What the code relies on is written in docs/ and cited there.
 * (The patterns are written so that this file does not match them itself.)
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

/** Citations of files that are not in the repository. */
const OUTSIDE_CITATIONS = [/DESIGN\s*§/, /DESIGN\.md/, /SECURITY\s+\d/, /SECURITY\.md/, /\.\.\/shared\//, /ANCHORS\.md/, /STYLE\.md/, /TOOLCHAIN\.md/];

/** Every line of a tracked text file that cites such a file, as `path:line: text`. */
function outsideCitations(root: string): string[] {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  const found: string[] = [];
  for (const file of files) {
    if (file === 'package-lock.json') continue;
    let text: string;
    try {
      text = readFileSync(`${root}/${file}`, 'utf8');
    } catch {
      continue; // listed but absent in this checkout (e.g. deleted, not yet committed)
    }
    if (text.includes('\0')) continue; // binary
    text.split('\n').forEach((line, i) => {
      if (OUTSIDE_CITATIONS.some((pattern) => pattern.test(line))) found.push(`${file}:${i + 1}: ${line.trim()}`);
    });
  }
  return found;
}

/**
 * Tests docs/security.md cites as `file.test.ts` ("name…", …) that the file does not hold: the
 * file (under test/server/ unless a path is given) or the quoted start of a test's name.
 */
function missingRuleTests(root: string): string[] {
  const flat = (text: string) => text.replace(/\s+/g, ' ').replace(/’/g, "'");
  const doc = flat(readFileSync(`${root}/docs/security.md`, 'utf8'));
  const missing: string[] = [];
  for (const [, file, names] of doc.matchAll(/`([\w/.-]+\.(?:test|spec)\.ts)` \(([^)]*)\)/g)) {
    const path = file!.includes('/') ? file! : `test/server/${file}`;
    let source: string;
    try {
      source = flat(readFileSync(`${root}/${path}`, 'utf8'));
    } catch {
      missing.push(path);
      continue;
    }
    for (const [, name] of names!.matchAll(/"([^"]+)"/g)) {
      const start = name!.split('…')[0]!.trim();
      if (!source.includes(start)) missing.push(`${path}: "${name}"`);
    }
  }
  return missing;
}

describe('the repository stands alone', () => {
  test('no tracked file cites a reference file outside the repository (write it in docs/ and cite that)', () => {
    assert.deepEqual(outsideCitations(process.cwd()), []);
  });

  test('every test docs/security.md cites for a rule is in the file it names', () => {
    assert.deepEqual(missingRuleTests(process.cwd()), []);
  });
});
