import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../../electron/cli/main.ts';
import { readers } from '../../../shared/formats/registry.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/formats/', import.meta.url));
const BIN = fileURLToPath(new URL('../../../electron/cli/custody.mjs', import.meta.url));

function fakeIo(files: Record<string, string | NodeJS.ErrnoException> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: async (path) => {
      const entry = files[path];
      if (entry === undefined) return new Uint8Array(await readFile(path));
      if (typeof entry === 'string') return new TextEncoder().encode(entry);
      throw entry;
    },
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code), { code });
}

describe('custody inspect --json', () => {
  it('prints exactly one JSON object with counts, errors and detection', async () => {
    const { io, stdout, stderr } = fakeIo();
    const code = await runCli(['inspect', `${FIXTURES}openai/conversations.jsonl`, '--json'], io);
    expect(code).toBe(0);
    expect(stderr()).toBe('');
    const report = JSON.parse(stdout());
    expect(report).toEqual({
      file: `${FIXTURES}openai/conversations.jsonl`,
      format: 'openai-chat',
      kind: 'transcripts',
      count: 3,
      messages: 7,
      toolCalls: 1,
      errors: [
        { line: 3, message: expect.stringMatching(/not valid JSON/) },
        { line: 4, message: expect.stringMatching(/unknown role/) },
      ],
      detection: { confidence: 0.9, reason: expect.any(String), tried: expect.arrayContaining([{ format: 'tau-bench', reason: expect.any(String) }]) },
    });
  });

  it('adds rubric and criterion counts for HealthBench, and counts rubrics for kind rubric', async () => {
    const hb = fakeIo();
    await runCli(['inspect', '--json', `${FIXTURES}healthbench/examples.jsonl`], hb.io);
    expect(JSON.parse(hb.stdout())).toMatchObject({ format: 'healthbench', kind: 'transcripts', count: 2, rubrics: 2, criteria: 4 });
    const rubric = fakeIo();
    await runCli(['inspect', '--json', `${FIXTURES}custody/rubric.json`], rubric.io);
    expect(JSON.parse(rubric.stdout())).toMatchObject({ format: 'custody-rubric', kind: 'rubric', count: 1, rubrics: 1, criteria: 3 });
  });

  it('prints kind "unknown" and exits 1 for an unrecognised format', async () => {
    const { io, stdout } = fakeIo({ 'notes.yaml': 'name: value\n' });
    expect(await runCli(['inspect', 'notes.yaml', '--json'], io)).toBe(1);
    const report = JSON.parse(stdout());
    expect(report).toMatchObject({ file: 'notes.yaml', format: null, kind: 'unknown', count: 0 });
    expect(report.detection.tried).toHaveLength(readers.length);
    expect(report.detection.reason).toMatch(/openai-chat: not JSON or JSON Lines/);
  });
});

describe('custody inspect (table)', () => {
  it('prints a short table with every problem located', async () => {
    const { io, stdout } = fakeIo();
    expect(await runCli(['inspect', `${FIXTURES}tau-bench/trajectories.json`], io)).toBe(0);
    expect(stdout()).toMatch(/^file {9}\S+trajectories\.json\nformat {7}tau-bench \(transcripts, confidence 0\.95\)\n/);
    expect(stdout()).toContain('transcripts  2\nmessages     8\ntool calls   1\n');
    expect(stdout()).toContain('problems     1\n  - #3: not a tau-bench trajectory');
  });

  it('lists what each format saw for an unknown file', async () => {
    const { io, stdout } = fakeIo({ 'a.txt': 'hello' });
    expect(await runCli(['inspect', 'a.txt'], io)).toBe(1);
    expect(stdout()).toMatch(/format {2}unknown\ntried {3}custody-transcripts: not JSON or JSON Lines\n {8}custody-rubric:/);
  });
});

describe('custody inspect when nothing at all was read', () => {
  it('exits 3 and says why for a truncated .eval archive', async () => {
    const { io, stdout, stderr } = fakeIo({ 'run.eval': 'PK\u0003\u0004\u0014\u0000\u0000\u0000' });
    expect(await runCli(['inspect', 'run.eval', '--json'], io)).toBe(3);
    expect(JSON.parse(stdout())).toMatchObject({ format: 'inspect-eval', count: 0 });
    expect(stderr()).toMatch(/^custody: nothing read from run\.eval: no transcripts; not a readable zip archive/);
  });

  it('exits 3 when every record failed, 0 when one was read', async () => {
    const bad = '[\n  {"task_id": 1, "traj": "lost"},\n  {"task_id": 2, "traj": null}';
    const none = fakeIo({ 't.json': `${bad}\n]\n` });
    expect(await runCli(['inspect', 't.json'], none.io)).toBe(3);
    expect(none.stderr()).toBe('custody: nothing read from t.json: no transcripts; #1: not a tau-bench trajectory: traj: Invalid input: expected array, received string (and 1 more problems)\n');
    const some = fakeIo({ 't.json': `${bad},\n  {"task_id": 3, "traj": [{"role": "user", "content": "hi"}]}\n]\n` });
    expect(await runCli(['inspect', 't.json'], some.io)).toBe(0);
    expect(some.stderr()).toBe('');
  });

  it('says an empty file is empty (exit 1), not what every reader did not find', async () => {
    const { io, stdout } = fakeIo({ 'blank.json': '  \n' });
    expect(await runCli(['inspect', 'blank.json'], io)).toBe(1);
    expect(stdout()).toBe('file    blank.json\nformat  unknown\nreason  file is empty\n');
  });
});

describe('custody errors and help', () => {
  it.each([
    ['ENOENT', 'no such file'],
    ['EISDIR', 'it is a directory, not a file'],
    ['EACCES', 'permission denied'],
  ])('reading fails with %s: one message on stderr, exit 2', async (code, words) => {
    const { io, stdout, stderr } = fakeIo({ 'x.json': errno(code) });
    expect(await runCli(['inspect', 'x.json', '--json'], io)).toBe(2);
    expect(stdout()).toBe('');
    expect(stderr()).toBe(`custody: cannot read x.json: ${words}\n`);
  });

  it('rejects bad usage with exit 2 and shows help with exit 0', async () => {
    for (const argv of [[], ['frobnicate'], ['inspect'], ['inspect', 'a', 'b'], ['inspect', 'a', '--yaml']]) {
      const { io, stderr } = fakeIo();
      expect(await runCli(argv, io), argv.join(' ')).toBe(2);
      expect(stderr()).toContain('Usage:');
    }
    const help = fakeIo();
    expect(await runCli(['--help'], help.io)).toBe(0);
    expect(help.stdout()).toContain('custody inspect FILE [--json]');
    expect(help.stdout()).toMatch(/Exit status:\n {2}0 .*\n {2}1 .*\n {2}2 .*\n {2}3 +format recognised but nothing at all read/);
  });
});

describe('the custody bin', () => {
  it('runs main.ts on plain Node through tsx', async () => {
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, [BIN, 'inspect', `${FIXTURES}swe-agent/v1.traj`, '--json']);
    expect(JSON.parse(stdout)).toMatchObject({ format: 'swe-agent', count: 1, toolCalls: 2 });
    await expect(run(process.execPath, [BIN, 'inspect', FIXTURES])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('is a directory') });
  });
});
