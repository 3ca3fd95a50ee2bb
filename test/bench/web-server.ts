// Builds the web renderer once and serves it on loopback for browser benchmarks.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '../..');

export function buildWeb(): void {
  execFileSync(process.execPath, [resolve(repo, 'node_modules/vite/bin/vite.js'), 'build', '-c', 'renderer/vite.web.config.ts', '--logLevel', 'error'], {
    cwd: repo,
    stdio: 'inherit',
  });
}

export async function serveWeb(port: number): Promise<{ url: string; stop: () => void }> {
  const child: ChildProcess = spawn(process.execPath, [resolve(repo, 'renderer/web/serve.mjs')], {
    cwd: repo,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((ok, fail) => {
    child.stdout!.once('data', () => ok());
    child.once('exit', (code) => fail(new Error(`web server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill() };
}
