/**
 * The README's code is the code the tests run: every code block (other than shell commands
 * and plain text) is preceded by `<!-- examples/… -->` and is that file, byte for byte; every
 * file under examples/ appears in the README. Change one, change the other.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

const root = resolve(import.meta.dirname, '../..');
/** Blocks that are commands to type or plain text, not code a test could run. */
const NOT_CODE = new Set(['sh', 'text']);

interface Block {
  lang: string;
  body: string;
  /** The `examples/…` path named just above the block, if any. */
  file?: string;
  line: number;
}

function readmeBlocks(): Block[] {
  const lines = readFileSync(join(root, 'README.md'), 'utf8').split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const end = lines.indexOf('```', i + 1);
    assert.ok(end > i, `README.md:${i + 1}: a code block that never closes`);
    const above = lines.slice(0, i).reverse().find((line) => line.trim() !== '');
    const file = /^<!-- (examples\/\S+) -->$/.exec(above ?? '')?.[1];
    blocks.push({ lang: open[1]!, body: `${lines.slice(i + 1, end).join('\n')}\n`, file, line: i + 1 });
    i = end;
  }
  return blocks;
}

const exampleFiles = (dir = 'examples'): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? exampleFiles(`${dir}/${entry.name}`) : [`${dir}/${entry.name}`],
  );

test('every README code block is an example file, unchanged', () => {
  const blocks = readmeBlocks();
  assert.ok(blocks.length > 10, 'the README has its examples');
  for (const block of blocks) {
    if (NOT_CODE.has(block.lang)) continue;
    assert.ok(block.lang, `README.md:${block.line}: a code block without a language`);
    assert.ok(block.file, `README.md:${block.line}: a ${block.lang} block without <!-- examples/… --> above it`);
    assert.ok(existsSync(join(root, block.file)), `README.md:${block.line}: ${block.file} does not exist`);
    assert.equal(block.body, readFileSync(join(root, block.file), 'utf8'), `README.md:${block.line} differs from ${block.file}`);
  }
});

test('every example file is shown in the README', () => {
  const shown = new Set(readmeBlocks().map((block) => block.file));
  assert.deepEqual(exampleFiles().filter((file) => !shown.has(file)), []);
});
