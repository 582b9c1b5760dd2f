/**
 * `npm run bench:server`: requests per second and p99 latency of the reference server against
 * a bare `node:http` JSON answer, measured in the same run. Each server runs in a process of
 * its own (`bench/server-target.ts`); autocannon loads one at a time, alternating bare, plain
 * Hono, the floor (each hot route's own work alone in a plain Hono handler: no server built on
 * Hono that does this work can be faster) and the app's scenarios round after round, so that drift of the machine hits them all
 * alike. The ratio of a round is the scenario's req/s over the bare server's in that round;
 * the median over the rounds is reported. Results are recorded in bench/RESULTS.md.
 *
 * Options (env): ROUNDS (default 8), SECONDS per run (default 3), CONNECTIONS (default 10),
 * BENCH_REDIS=1 to add the app on a throwaway Redis (Debian's `redis-server`). The
 * server's CPU time per request is read from Linux's /proc: steadier than req/s when other
 * processes share the machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { startRedisServer, type RedisServer } from '../test/support/redis-server.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 8);
const SECONDS = Number(process.env.SECONDS ?? 3);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 10);

interface Target {
  child: ChildProcess;
  port: number;
  session?: string;
}

/** Starts `bench/server-target.ts <kind>` (`env` added to its environment) and waits for its port. */
async function startTarget(kind: string, env: Record<string, string> = {}): Promise<Target> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/server-target.ts', kind], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  return { child, ...(JSON.parse(line) as { port: number; session?: string }) };
}

/** One load scenario: which server, what request, which status every answer must have. */
interface Scenario {
  name: string;
  target: 'bare' | 'hono' | 'floor' | 'app' | 'appOnRedis';
  path: string;
  method?: 'GET' | 'POST';
  body?: unknown;
  status: number;
}

/** A well-formed body whose code is not 6 digits: refused before anything is charged. */
const BAD_CODE_BODY = { otp: '12a456', phone: '010-1234-5678' };

const SCENARIOS: Scenario[] = [
  { name: 'bare node:http JSON', target: 'bare', path: '/', status: 200 },
  { name: 'plain Hono on @hono/node-server', target: 'hono', path: '/', status: 200 },
  {
    name: 'bare node:http POST: reads the JSON body, answers 400 (for scale; ratios stay against the GET)',
    target: 'bare',
    path: '/',
    method: 'POST',
    body: BAD_CODE_BODY,
    status: 400,
  },
  {
    name: "floor: GET /v1/config's own work alone in a plain Hono handler (session lookup, four reads, the answer)",
    target: 'floor',
    path: '/v1/config',
    status: 200,
  },
  {
    name: "floor: POST /v1/motp/verify's own work alone in a plain Hono handler (session, body, refusal: INVALID_INPUT)",
    target: 'floor',
    path: '/v1/motp/verify',
    method: 'POST',
    body: BAD_CODE_BODY,
    status: 400,
  },
  { name: 'GET /v1/config (session)', target: 'app', path: '/v1/config', status: 200 },
  {
    name: 'POST /v1/motp/verify refused: MISMATCH (wrong phone)',
    target: 'app',
    path: '/v1/motp/verify',
    method: 'POST',
    body: { otp: '123456', phone: '010-9999-0000' },
    status: 403,
  },
  {
    name: 'POST /v1/motp/verify refused: INVALID_INPUT (bad code)',
    target: 'app',
    path: '/v1/motp/verify',
    method: 'POST',
    body: BAD_CODE_BODY,
    status: 400,
  },
];

const redis: RedisServer | null = process.env.BENCH_REDIS === '1' ? await startRedisServer() : null;
if (redis) {
  SCENARIOS.push(
    { name: 'GET /v1/config (session), Redis store', target: 'appOnRedis', path: '/v1/config', status: 200 },
    { ...SCENARIOS.find((s) => s.name.startsWith('POST /v1/motp/verify refused: INVALID_INPUT'))!, name: 'POST /v1/motp/verify refused: INVALID_INPUT, Redis store', target: 'appOnRedis' },
  );
}

/** CPU seconds (user + system) the process `pid` has used so far, from Linux's /proc. */
function cpuSeconds(pid: number): number {
  // Fields 14 and 15 of /proc/<pid>/stat, counted after the command name's closing parenthesis.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}
/** Linux's USER_HZ: /proc counts CPU time in hundredths of a second. */
const CLOCK_TICKS = 100;

/**
 * Runs one scenario for `seconds`: req/s, p99 latency, and the server's CPU time per request
 * (µs; steadier than req/s on a busy machine, since other processes' load does not count).
 * Throws unless every answer had the scenario's status.
 */
async function load(target: Target, scenario: Scenario, seconds: number) {
  const cpuBefore = cpuSeconds(target.child.pid!);
  const headers: Record<string, string> = {};
  if (target.session) headers.Authorization = `Bearer ${target.session}`;
  if (scenario.body !== undefined) headers['Content-Type'] = 'application/json';
  const result = await autocannon({
    url: `http://127.0.0.1:${target.port}${scenario.path}`,
    method: scenario.method ?? 'GET',
    headers,
    ...(scenario.body === undefined ? {} : { body: JSON.stringify(scenario.body) }),
    connections: CONNECTIONS,
    duration: seconds,
  });
  const answered = Object.entries(result.statusCodeStats ?? {});
  const unexpected = answered.filter(([status]) => Number(status) !== scenario.status);
  if (unexpected.length > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(`${scenario.name}: answers ${JSON.stringify(result.statusCodeStats)}, errors ${result.errors}, timeouts ${result.timeouts}`);
  }
  const cpuUs = ((cpuSeconds(target.child.pid!) - cpuBefore) * 1e6) / result.requests.total;
  return { rps: result.requests.average, p99: result.latency.p99, cpuUs };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const targets: Partial<Record<Scenario['target'], Target>> = {
  bare: await startTarget('bare'),
  hono: await startTarget('hono'),
  floor: await startTarget('floor'),
  app: await startTarget('app'),
  ...(redis ? { appOnRedis: await startTarget('app', { REDIS_URL: redis.url }) } : {}),
};
try {
  // Warm-up: the JIT, the session's caches.
  for (const scenario of SCENARIOS) await load(targets[scenario.target]!, scenario, 1);
  const runs = new Map(SCENARIOS.map((s) => [s.name, [] as Array<{ rps: number; p99: number; cpuUs: number }>]));
  for (let round = 1; round <= ROUNDS; round++) {
    for (const scenario of SCENARIOS) runs.get(scenario.name)!.push(await load(targets[scenario.target]!, scenario, SECONDS));
    console.error(`round ${round}/${ROUNDS} done`);
  }
  const bare = runs.get(SCENARIOS[0]!.name)!;
  console.log(`\n${ROUNDS} rounds × ${SECONDS} s per run, ${CONNECTIONS} connections, Node ${process.versions.node}, the built id-verify-server on the memory store${redis ? ' (and on Redis where named)' : ''}\n`);
  console.log('| scenario | req/s (median) | × bare node:http req/s: median (range) of rounds | p99 latency (median) | server CPU per request (median) |');
  console.log('|---|---|---|---|---|');
  for (const scenario of SCENARIOS) {
    const own = runs.get(scenario.name)!;
    const ratios = own.map((run, i) => run.rps / bare[i]!.rps);
    const range = `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`;
    console.log(
      `| ${scenario.name} | ${Math.round(median(own.map((r) => r.rps)))} | **${median(ratios).toFixed(2)}** (${range}) | ${median(own.map((r) => r.p99))} ms | ${Math.round(median(own.map((r) => r.cpuUs)))} µs |`,
    );
  }
} finally {
  for (const target of Object.values(targets)) target.child.kill();
  await redis?.stop();
}
