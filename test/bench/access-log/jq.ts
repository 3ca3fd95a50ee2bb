// jq baseline: one filter pass over the file (one agent's denied accesses), timed.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface JqResult {
  seconds: number | null;
  matches: number | null;
  reason?: string;
}

export async function runJq(path: string, agent: string, jq = '/usr/bin/jq'): Promise<JqResult> {
  if (!existsSync(jq)) return { seconds: null, matches: null, reason: `${jq} not found` };
  const filter = `select(.outcome.result == "DENY" and ((.debugContext.debugData.actClaim // "") | fromjson? | .sub) == ${JSON.stringify(agent)}) | .uuid`;
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(jq, ['-r', filter, path], { stdio: ['ignore', 'pipe', 'pipe'] });
    let matches = 0;
    let err = '';
    child.stdout.on('data', (b: Buffer) => {
      for (const c of b) if (c === 10) matches++;
    });
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('close', (code) => {
      const seconds = Math.round((performance.now() - started) / 10) / 100;
      resolve(code === 0 ? { seconds, matches } : { seconds: null, matches: null, reason: `jq exited ${code}: ${err.slice(0, 200)}` });
    });
  });
}
