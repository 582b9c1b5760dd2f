// `npm run test:server`: the server and client suites on the memory store, then again with
// every rig on Redis (a throwaway `redis-server` this script starts on a free loopback port
// and stops). The second pass runs the files that build their store through the test helpers
// (test/server/helpers.ts, stores.ts); the others do not depend on the store and ran already.
// Extra arguments narrow both passes to the files given.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { startRedisServer } from '../test/support/redis-server.mjs';

const given = process.argv.slice(2);
const CONCURRENCY = Number(process.env.SERVER_TEST_CONCURRENCY ?? 4);
const serverFiles = readdirSync('test/server')
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => `test/server/${name}`);
const usesTestStore = (file) => /from '\.\/(helpers|stores)\.js'/.test(readFileSync(file, 'utf8'));
const memoryFiles = given.length ? given : [...serverFiles, 'test/client/*.test.ts'];
const redisFiles = given.length ? given : serverFiles.filter(usesTestStore);

/** Runs node's test runner through tsx on `files` with `env`; true when every test passed. */
function run(label, files, env) {
  console.log(`\n--- server tests on the ${label} store (${files.length} files) ---`);
  const started = Date.now();
  // Four files at a time: node's default is one per core but one, and many tests mostly wait
  // (deadlines, hangs, timers), so a 2-core machine would run them one by one.
  // A test that hangs fails after 3 minutes (the slowest takes a few seconds) instead of holding the run.
  const result = spawnSync('npx', ['tsx', '--test', `--test-concurrency=${CONCURRENCY}`, '--test-timeout=180000', ...files], { stdio: 'inherit', shell: true, env: { ...process.env, ...env } });
  console.log(`--- ${label} store: ${result.status === 0 ? 'passed' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s) ---`);
  return result.status === 0;
}

if (!run('memory', memoryFiles, { IDV_TEST_STORE: 'memory' })) process.exit(1);
const redis = await startRedisServer();
const passed = run('Redis', redisFiles, { IDV_TEST_STORE: 'redis', IDV_TEST_REDIS_URL: redis.url });
await redis.stop();
process.exit(passed ? 0 : 1);
