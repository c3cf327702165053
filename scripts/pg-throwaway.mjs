// Starts a throwaway PostgreSQL cluster from the system's binaries: initdb into a temp dir, a free
// loopback port, trust auth for a single local user. Used by `npm test`, .ci/run and the benchmarks.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const CANDIDATE_BIN_DIRS = ['/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin'];

export function findPostgresBin() {
  if (process.env.ASSAY_PG_BIN) return process.env.ASSAY_PG_BIN;
  return CANDIDATE_BIN_DIRS.find((d) => fs.existsSync(path.join(d, 'initdb')));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** PostgreSQL refuses to run as root; run its binaries as the `postgres` system user then. */
function runAs(owner, bin, args) {
  const isRoot = process.getuid?.() === 0;
  const [cmd, argv] = isRoot ? ['runuser', ['-u', owner, '--', bin, ...args]] : [bin, args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/**
 * @param {{ durable?: boolean }} opts durable=false turns fsync off (tests); benchmarks keep it on.
 * @returns {Promise<{ url: string, adminUrl: string, port: number, dir: string, stop: () => void }>}
 */
export async function startThrowawayPostgres(opts = {}) {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL server binaries not found (looked in ' + CANDIDATE_BIN_DIRS.join(', ') + ')');
  const isRoot = process.getuid?.() === 0;
  const owner = 'postgres';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-pg-'));
  if (isRoot) execFileSync('chown', [owner, dir]);
  const dataDir = path.join(dir, 'data');
  runAs(owner, path.join(bin, 'initdb'), ['-D', dataDir, '-U', 'assay', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  const settings = [
    `-c listen_addresses=127.0.0.1`,
    `-c port=${port}`,
    `-c unix_socket_directories=${dir}`,
    `-c max_connections=200`,
    `-c shared_buffers=256MB`,
    ...(opts.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
  ].join(' ');
  runAs(owner, path.join(bin, 'pg_ctl'), ['-D', dataDir, '-l', path.join(dir, 'server.log'), '-o', settings, '-w', 'start']);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      runAs(owner, path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // already gone
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const url = `postgres://assay@127.0.0.1:${port}/postgres`;
  return { url, adminUrl: url, port, dir, stop };
}
