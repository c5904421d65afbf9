import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, type ScratchDatabase, scratchDatabase } from '@idv/db/scratch';

/** Two real BFF processes (`node --import tsx src/server.ts`) on one PostgreSQL database of our own. */

const bffDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../apps/bff');

export const createDatabase = (adminUrl: string): Promise<ScratchDatabase> => scratchDatabase(adminUrl, 'idv_sim');

export class Node {
  child: ChildProcess | null = null;
  up = false;
  starting: Promise<void> | null = null;
  out = '';
  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  get base() {
    return `http://127.0.0.1:${this.port}`;
  }

  start(seed: boolean): Promise<void> {
    this.out = '';
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: bffDir,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        PORT: String(this.port),
        SCHEDULER_INTERVAL_MS: '0',
        SEED_DEMO: seed ? '1' : '0',
        // The start line ("Billing console on …") is how the sim knows the process is up: NODE_ENV=test is
        // quiet by default (config.ts), so ask for info.
        LOG_LEVEL: 'info',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const onData = (b: Buffer) => {
      this.out = (this.out + b.toString()).slice(-20_000);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    this.starting = new Promise<void>((ok, fail) => {
      const timer = setInterval(() => {
        if (/Billing console on/.test(this.out)) {
          clearInterval(timer);
          this.up = true;
          this.starting = null;
          ok();
        }
      }, 50);
      child.once('exit', () => {
        clearInterval(timer);
        this.up = false;
        if (this.starting) fail(new Error(`${this.name} exited while starting:\n${this.out}`));
      });
    });
    return this.starting;
  }

  /** SIGKILL: no drain, no cleanup (a crash). */
  async kill(): Promise<void> {
    const c = this.child;
    this.up = false;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const gone = new Promise<void>((ok) => c.once('exit', () => ok()));
    c.kill('SIGKILL');
    await gone;
  }
}

export async function startCluster(dbUrl: string, env: Record<string, string>): Promise<Node[]> {
  const a = new Node('A', await freePort(), { DATABASE_URL: dbUrl, ...env });
  const b = new Node('B', await freePort(), { DATABASE_URL: dbUrl, ...env });
  await a.start(true); // migrates and seeds the PM and agent users
  await b.start(false);
  return [a, b];
}

export interface Reply {
  status: number;
  body: any;
  /** The request was sent again after a connection failure (crash). */
  retried: boolean;
  node: string;
  setCookie: string | null;
}

export interface Req {
  method: string;
  path: string;
  body?: unknown;
  cookie?: string;
  bearer?: string;
  idempotencyKey?: string;
  /** Raw body text (malformed JSON etc.). */
  raw?: string;
}

/** A client that retries like a real one: same request (same Idempotency-Key, same event ids) on the other node. */
export class Client {
  private rr = 0;
  requests = 0;
  constructor(readonly nodes: Node[]) {}

  pickNode(prefer?: number): Node {
    const up = this.nodes.filter((n) => n.up);
    if (prefer !== undefined) {
      const n = this.nodes[prefer % this.nodes.length];
      if (n?.up) return n;
    }
    const n = up[this.rr++ % Math.max(1, up.length)];
    if (!n) throw new Error('no BFF process is up');
    return n;
  }

  async send(req: Req, o: { node?: Node; rewrite?: (attempt: number) => Req } = {}): Promise<Reply> {
    let retried = false;
    let node = o.node ?? this.pickNode();
    for (let attempt = 0; attempt < 40; attempt++) {
      const r = attempt > 0 && o.rewrite ? o.rewrite(attempt) : req;
      try {
        this.requests++;
        const res = await fetch(node.base + r.path, {
          method: r.method,
          headers: {
            ...(r.body !== undefined || r.raw !== undefined ? { 'content-type': 'application/json' } : {}),
            ...(r.cookie ? { cookie: r.cookie } : {}),
            ...(r.bearer ? { authorization: `Bearer ${r.bearer}` } : {}),
            ...(r.idempotencyKey ? { 'idempotency-key': r.idempotencyKey } : {}),
          },
          body: r.raw ?? (r.body === undefined ? undefined : JSON.stringify(r.body)),
          signal: AbortSignal.timeout(600_000),
        });
        const text = await res.text();
        let body: any = text;
        try {
          body = text ? JSON.parse(text) : null;
        } catch {
          /* not JSON */
        }
        return { status: res.status, body, retried, node: node.name, setCookie: res.headers.get('set-cookie') };
      } catch {
        // Connection refused or reset: the process died. Retry the same request elsewhere.
        retried = true;
        await new Promise((ok) => setTimeout(ok, 50 * Math.min(attempt + 1, 10)));
        const others = this.nodes.filter((n) => n.up && n !== node);
        node = others[0] ?? this.nodes.find((n) => n.up) ?? node;
        if (!node.up) await Promise.race(this.nodes.map((n) => n.starting ?? new Promise(() => {}))).catch(() => {});
      }
    }
    throw new Error(`${req.method} ${req.path}: no process answered`);
  }
}

export async function signIn(client: Client, email: string, password: string): Promise<string> {
  const r = await client.send({ method: 'POST', path: '/api/v1/auth/login', body: { email, password } });
  if (r.status !== 200) throw new Error(`login ${email} → ${r.status} ${JSON.stringify(r.body)}`);
  const sid = /sid=([^;]+)/.exec(r.setCookie ?? '')?.[1];
  if (!sid) throw new Error('no session cookie');
  return `sid=${sid}`;
}
