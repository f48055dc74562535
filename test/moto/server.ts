/**
 * A moto server (`python3 -m moto.server`, moto 5) for one test run: on a free 127.0.0.1 port, in its own process
 * group, stopped by that group's id (never by name). Used by the integration tests (test/integration) and by the e2e
 * runner (test/e2e/environment.ts, where it serves Athena only).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { connect, createServer } from 'node:net';

export interface Moto {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
  /** Ends the process group at once (for `process.on('exit')`, where nothing can be awaited). */
  killSync(): void;
}

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => ok(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      ok(true);
    });
    socket.once('error', () => ok(false));
  });
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is gone already
  }
}

/** Starts `python3 -m moto.server` on a free loopback port; fails with a clear message when moto is not installed. */
export async function startMoto(): Promise<Moto> {
  const probe = spawnSync('python3', ['-c', 'import moto.server'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    throw new Error(
      `moto is not installed (python3 -c "import moto.server" failed: ${(probe.stderr || probe.error?.message || '').trim()}). Install it with: pip install "moto[server]"`,
    );
  }
  const port = await freePort();
  const child: ChildProcess = spawn('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const deadline = Date.now() + 20_000;
  while (!(await canConnect(port))) {
    if (child.exitCode !== null) throw new Error(`moto server exited with ${child.exitCode}: ${stderr}`);
    if (Date.now() > deadline) {
      signalGroup(child, 'SIGKILL');
      throw new Error(`moto server did not listen on ${port} within 20 s: ${stderr}`);
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    killSync: () => signalGroup(child, 'SIGKILL'),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((ok) => child.once('exit', ok));
      signalGroup(child, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}
