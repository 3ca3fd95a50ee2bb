// Renderer memory from /proc (Linux): the browser launched on a profile directory, its
// renderer descendants, and their resident set. Workers run inside the renderer process,
// so its RSS covers the engine and chunk workers, which the page's JS heap does not.
import { readdirSync, readFileSync } from 'node:fs';

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function processes(): { pid: number; ppid: number; cmd: string }[] {
  const out: { pid: number; ppid: number; cmd: string }[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = read(`/proc/${name}/stat`);
    const cmd = read(`/proc/${name}/cmdline`);
    if (!stat || cmd === null) continue;
    // Field 4 (ppid) follows the ")" that ends the command name.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    out.push({ pid: Number(name), ppid, cmd: cmd.replace(/\0/g, ' ') });
  }
  return out;
}

/** The browser process and all its descendants, with their role (--type=…, "browser"). */
export function chromiumTree(profileDir: string): { pid: number; role: string }[] {
  const all = processes();
  const browser = all.find((p) => p.cmd.includes(`--user-data-dir=${profileDir}`) && !p.cmd.includes('--type='));
  if (!browser) return [];
  const children = new Map<number, number[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p.pid]);
  const byPid = new Map(all.map((p) => [p.pid, p]));
  const out = [{ pid: browser.pid, role: 'browser' }];
  const stack = [browser.pid];
  while (stack.length) {
    const pid = stack.pop()!;
    for (const c of children.get(pid) ?? []) {
      stack.push(c);
      const role = byPid.get(c)?.cmd.match(/--type=([a-z-]+)/)?.[1] ?? 'other';
      const sub = byPid.get(c)?.cmd.match(/--utility-sub-type=([\w.]+)/)?.[1];
      out.push({ pid: c, role: sub ? `${role}:${sub.split('.').pop()}` : role });
    }
  }
  return out;
}

/** CPU seconds (user + system) a process has used so far. */
export function cpuSeconds(pid: number): number {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return 0;
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 (1-based), in clock ticks (100 Hz on Linux).
  return (Number(f[11]) + Number(f[12])) / 100;
}

/** CPU seconds per Chromium role since `start()`. */
export function cpuByRole(profileDir: string): { stop(): Record<string, number> } {
  const base = new Map<number, number>();
  for (const p of chromiumTree(profileDir)) base.set(p.pid, cpuSeconds(p.pid));
  return {
    stop() {
      const out: Record<string, number> = {};
      for (const p of chromiumTree(profileDir)) out[p.role] = Math.round(((out[p.role] ?? 0) + cpuSeconds(p.pid) - (base.get(p.pid) ?? 0)) * 10) / 10;
      return out;
    },
  };
}

/** Renderer processes of the Chromium running on `profileDir`. */
export function rendererPids(profileDir: string): number[] {
  const all = processes();
  const browser = all.find((p) => p.cmd.includes(`--user-data-dir=${profileDir}`) && !p.cmd.includes('--type='));
  if (!browser) return [];
  const children = new Map<number, number[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p.pid]);
  const byPid = new Map(all.map((p) => [p.pid, p]));
  const out: number[] = [];
  const stack = [browser.pid];
  while (stack.length) {
    const pid = stack.pop()!;
    for (const c of children.get(pid) ?? []) {
      stack.push(c);
      if (byPid.get(c)?.cmd.includes('--type=renderer')) out.push(c);
    }
  }
  return out;
}

export function rssMB(pid: number): number {
  const status = read(`/proc/${pid}/status`);
  const kb = status?.match(/VmRSS:\s+(\d+)/)?.[1];
  return kb ? Number(kb) / 1024 : 0;
}

/** Samples the largest renderer's RSS until stopped; returns the peak in MB. */
export function sampleRendererMemory(profileDir: string, everyMs = 200): { stop(): number; peak(): number } {
  let peak = 0;
  const tick = () => {
    for (const pid of rendererPids(profileDir)) peak = Math.max(peak, rssMB(pid));
  };
  tick();
  const timer = setInterval(tick, everyMs);
  return {
    peak: () => peak,
    stop() {
      clearInterval(timer);
      tick();
      return peak;
    },
  };
}
