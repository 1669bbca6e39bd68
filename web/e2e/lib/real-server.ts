// Starts the real `build/dandelion` for the browser tests: a temporary data dir made by
// `dandelion init`, organizations and users made by the command line, `dandelion serve` on a
// free port (serving web/dist: the app under /app/, the help page at /help). Stopped and deleted
// afterwards. Pages go to `${url}/app/...`.
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN =
  process.env.DANDELION_BIN ?? fileURLToPath(new URL('../../../build/dandelion', import.meta.url));
export const PASSWORD = 'Dandelion-e2e-Passw0rd!';

export interface RealServer {
  // The origin (no path): the app is at `${url}/app/`, the help page at `${url}/help`.
  url: string;
  data: string;
  stop: () => Promise<void>;
}

export interface UserSpec {
  org: string;
  username: string;
  display: string;
  roles: string;
}
export interface OrgSpec {
  slug: string;
  name: string;
  kind: string;
  region: string;
}

function run(args: string[], input?: string): string {
  return execFileSync(BIN, args, { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

// Null with the reason when the suite cannot run against this binary.
export function unavailableReason(): string | null {
  if (!existsSync(BIN)) return `no server binary at ${BIN} (run scripts/test or scripts/run once)`;
  return null;
}

export async function startRealServer(orgs: OrgSpec[], users: UserSpec[]): Promise<RealServer> {
  const tmp = mkdtempSync(join(tmpdir(), 'dandelion-e2e-'));
  const data = join(tmp, 'data');
  run(['init', '--data', data]);
  // A test data dir, as the black-box suites use: passwords hashed at the minimum cost (the
  // real cost was most of the time of making a suite's accounts), the clock left as it is.
  const config = join(data, 'config.toml');
  const text = readFileSync(config, 'utf8');
  if (!text.includes('# test_mode = false')) throw new Error(`no test_mode line in ${config}`);
  writeFileSync(config, text.replace('# test_mode = false', 'test_mode = true'));
  for (const o of orgs)
    run([
      'org',
      'add',
      '--data',
      data,
      '--slug',
      o.slug,
      '--name',
      o.name,
      '--kind',
      o.kind,
      '--region',
      o.region,
    ]);
  for (const u of users) {
    run(
      [
        'user',
        'add',
        '--data',
        data,
        '--org',
        u.org,
        '--username',
        u.username,
        '--display-name',
        u.display,
        '--role',
        u.roles,
        '--password-stdin',
      ],
      `${PASSWORD}\n`,
    );
  }
  return serve(tmp, data);
}

// `dandelion serve` on a free port over the data dir in tmp; stopping deletes tmp.
async function serve(tmp: string, data: string): Promise<RealServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    BIN,
    ['serve', '--data', data, '--listen', `127.0.0.1:${port}`],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += String(d)));
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`dandelion serve did not start: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    data,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

// The demo network (`dandelion demo`: synthetic organizations, users sharing DEMO_PASSWORD,
// this year's pilgrimage, events, a training course…) served like startRealServer's. Making it
// hashes some fifty passwords, so it takes most of a minute.
export const DEMO_PASSWORD = 'minduelle-demo-2026';

export async function startDemoServer(): Promise<RealServer> {
  const tmp = mkdtempSync(join(tmpdir(), 'dandelion-e2e-demo-'));
  const data = join(tmp, 'data');
  // Asynchronously: a minute of a blocked event loop would starve the test runner's own messages.
  await new Promise<void>((resolve, reject) =>
    execFile(BIN, ['demo', '--data', data], { maxBuffer: 16 << 20 }, (error) =>
      error ? reject(error) : resolve(),
    ),
  );
  return serve(tmp, data);
}

// The session endpoint is being built; until it answers, the suite is skipped.
export async function sessionEndpointMissing(url: string): Promise<boolean> {
  const r = await fetch(`${url.replace('localhost', '127.0.0.1')}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  });
  return r.status === 404 || r.status === 405;
}
