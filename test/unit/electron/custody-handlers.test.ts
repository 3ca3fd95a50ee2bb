// What the handlers do with files: picked files come back by base name with their
// bytes, size is capped, saves land where the dialog said, the demo is read whole.
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCustodyHandlers, openDialogFilters, safeSuggestedName } from '../../../electron/main/ipc/custody-handlers.ts';
import type { HandlerDeps } from '../../../electron/main/ipc/custody-handlers.ts';

let dir: string;
const event = { senderFrame: { url: 'app://custody/index.html' } };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'custody-handlers-'));
  await writeFile(join(dir, 'a.jsonl'), '{"a":1}\n');
  await writeFile(join(dir, 'b.csv'), 'x,y\n1,2\n');
  await writeFile(join(dir, 'big.bin'), new Uint8Array(2048));
  const demo = join(dir, 'demo');
  await mkdir(join(demo, 'logs', 'okta'), { recursive: true });
  await writeFile(join(demo, 'workspace.json'), '{"files":[]}');
  await writeFile(join(demo, 'logs', 'okta', 'events.jsonl'), '{}\n');
  await writeFile(join(demo, 'logs', 'cloudtrail.json'), '[]');
  await writeFile(join(dir, 'outside.txt'), 'outside');
  await symlink(join(dir, 'outside.txt'), join(demo, 'sneaky.txt'));
  await symlink(dir, join(demo, 'parent-link'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function handlersWith(overrides: Partial<HandlerDeps<typeof event>> = {}) {
  const deps: HandlerDeps<typeof event> = {
    appInfo: () => ({ version: '0.1.0', platform: 'linux', shell: 'electron' }),
    chooseFilesToOpen: vi.fn(async () => []),
    chooseSavePath: vi.fn(async () => null),
    defaultSaveDir: () => dir,
    demoWorkspaceDir: () => join(dir, 'demo'),
    ...overrides,
  };
  return { deps, handlers: createCustodyHandlers(deps) };
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('openFiles', () => {
  it('returns [] when the dialog is cancelled', async () => {
    const { handlers } = handlersWith();
    await expect(handlers.openFiles({ title: 'Open', extensions: [], multiple: false }, event)).resolves.toEqual([]);
  });

  it('reads the chosen files and hands back base names and bytes only', async () => {
    const chooseFilesToOpen = vi.fn(async () => [join(dir, 'a.jsonl'), join(dir, 'b.csv')]);
    const { handlers } = handlersWith({ chooseFilesToOpen });
    const files = await handlers.openFiles({ title: 'Import logs', extensions: ['jsonl', 'CSV'], multiple: true }, event);
    expect(files.map((f) => f.name)).toEqual(['a.jsonl', 'b.csv']);
    expect(text(files[0]!.bytes)).toBe('{"a":1}\n');
    expect(files[0]!.bytes).toBeInstanceOf(Uint8Array);
    expect(chooseFilesToOpen).toHaveBeenCalledWith(event, {
      title: 'Import logs',
      filters: [
        { name: 'Supported files (.jsonl, .csv)', extensions: ['jsonl', 'csv'] },
        { name: 'All files', extensions: ['*'] },
      ],
      multiple: true,
    });
  });

  it('keeps one file when multiple is false', async () => {
    const { handlers } = handlersWith({ chooseFilesToOpen: async () => [join(dir, 'a.jsonl'), join(dir, 'b.csv')] });
    const files = await handlers.openFiles({ title: 'Open', extensions: [], multiple: false }, event);
    expect(files.map((f) => f.name)).toEqual(['a.jsonl']);
  });

  it('refuses files over the transfer cap with a clear message', async () => {
    const { handlers } = handlersWith({ chooseFilesToOpen: async () => [join(dir, 'big.bin')], maxTransferBytes: 1024 });
    await expect(handlers.openFiles({ title: 'Open', extensions: [], multiple: false }, event)).rejects.toThrow(
      /"big\.bin" is .*at most/,
    );
  });

  it('refuses a selection whose total is over the cap', async () => {
    const { handlers } = handlersWith({
      chooseFilesToOpen: async () => [join(dir, 'a.jsonl'), join(dir, 'b.csv')],
      maxTransferBytes: 10,
    });
    await expect(handlers.openFiles({ title: 'Open', extensions: [], multiple: true }, event)).rejects.toThrow(/add up to/);
  });

  it('offers no filter when any file is allowed', () => {
    expect(openDialogFilters({ title: '', extensions: [], multiple: false })).toEqual([]);
    expect(openDialogFilters({ title: '', extensions: ['..'], multiple: false })).toEqual([]);
  });

  it('drops leading dots and duplicates from extensions', () => {
    expect(openDialogFilters({ title: '', extensions: ['.JSON', 'json', 'tar.gz'], multiple: false })[0]!.extensions).toEqual([
      'json',
      'tar.gz',
    ]);
  });
});

describe('saveFile', () => {
  it('returns null when cancelled and writes nothing', async () => {
    const chooseSavePath = vi.fn(async () => null);
    const { handlers } = handlersWith({ chooseSavePath });
    await expect(handlers.saveFile({ suggestedName: 'x.zip', bytes: new Uint8Array([1]) }, event)).resolves.toBeNull();
    expect(chooseSavePath).toHaveBeenCalledWith(event, join(dir, 'x.zip'));
  });

  it('writes the bytes where the user chose and returns the file name', async () => {
    const target = join(dir, 'chosen.custody.zip');
    const { handlers } = handlersWith({ chooseSavePath: async () => target });
    await expect(handlers.saveFile({ suggestedName: 'x.zip', bytes: new Uint8Array([7, 8, 9]) }, event)).resolves.toBe(
      'chosen.custody.zip',
    );
    expect(new Uint8Array(await readFile(target))).toEqual(new Uint8Array([7, 8, 9]));
  });

  it('never offers "." or ".." or control characters as the name', () => {
    expect(safeSuggestedName('..')).toBe('custody-export');
    expect(safeSuggestedName('.')).toBe('custody-export');
    expect(safeSuggestedName('a\u0000b\nc.zip')).toBe('abc.zip');
    expect(safeSuggestedName('report.pdf')).toBe('report.pdf');
  });
});

describe('readDemoWorkspace', () => {
  it('reads every file under the demo folder, named with / and sorted, skipping links', async () => {
    const { handlers } = handlersWith();
    const files = await handlers.readDemoWorkspace(undefined, event);
    expect(files.map((f) => f.name)).toEqual(['logs/cloudtrail.json', 'logs/okta/events.jsonl', 'workspace.json']);
    expect(text(files[2]!.bytes)).toBe('{"files":[]}');
    expect(files.some((f) => text(f.bytes) === 'outside')).toBe(false);
  });

  it('fails clearly when the demo folder is missing', async () => {
    const { handlers } = handlersWith({ demoWorkspaceDir: () => join(dir, 'no-such-demo') });
    await expect(handlers.readDemoWorkspace(undefined, event)).rejects.toThrow(/ENOENT|no-such-demo/);
  });

  it('returns the app info it is given', async () => {
    const { handlers } = handlersWith();
    await expect(handlers.getAppInfo(undefined, event)).resolves.toEqual({ version: '0.1.0', platform: 'linux', shell: 'electron' });
  });
});
