// What the figures were measured on, printed with every benchmark run.
import { cpus, totalmem, platform, release } from 'node:os';
import { execFileSync } from 'node:child_process';

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  chromium: string | null;
}

export function describeMachine(chromiumPath: string | null): MachineInfo {
  let chromium: string | null = null;
  if (chromiumPath) {
    try {
      chromium = execFileSync(chromiumPath, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim();
    } catch {
      chromium = null;
    }
  }
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${platform()} ${release()}`,
    node: process.version,
    chromium,
  };
}
