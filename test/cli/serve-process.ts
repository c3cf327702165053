import { spawn, type ChildProcess } from 'node:child_process';

/** A real `assay serve` child process, listening. */
export interface ServeProcess {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
  stdout: () => string;
  stderr: () => string;
  /** Both streams, as one text (for failure messages). */
  output: () => string;
}

/**
 * Starts `bin/assay.mjs serve` with exactly `env` and resolves once it prints where it listens
 * (rejects with its output if it exits first).
 */
export async function startServe(env: NodeJS.ProcessEnv): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['bin/assay.mjs', 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let both = '';
  child.stdout!.on('data', (d: Buffer) => ((out += d.toString()), (both += d.toString())));
  child.stderr!.on('data', (d: Buffer) => ((err += d.toString()), (both += d.toString())));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /Assay is running at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearInterval(timer);
        resolve(m[1]!);
      }
    }, 50);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`assay serve exited (${code}) before listening:\n${both}`));
    });
  });
  return { child, url, exited, stdout: () => out, stderr: () => err, output: () => both };
}
