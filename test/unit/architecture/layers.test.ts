// The layering rule (eslint.layers.js) run through ESLint with the project's own config:
// it must flag what the architecture forbids and pass what it allows.
import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'layers/imports').map((m) => m.message);
}

describe('layers/imports', () => {
  it.each([
    ['a feature importing another feature', 'renderer/src/features/library/x.ts', "import { a } from '../logs/store.ts';\nexport const b = a;"],
    ['a worker importing a feature', 'renderer/src/workers/x.worker.ts', "import { a } from '../features/library/import.ts';\nexport const b = a;"],
    ['the engine importing UI', 'renderer/src/logs/engine/x.ts', "import { a } from '../../common/status.ts';\nexport const b = a;"],
    ['the engine importing React', 'renderer/src/logs/engine/x.ts', "import { useState } from 'react';\nexport const b = useState;"],
    ['shared importing the renderer', 'shared/formats/x.ts', "import { a } from '../../renderer/src/db/database.ts';\nexport const b = a;"],
    ['shared importing Node', 'shared/formats/x.ts', "import { readFileSync } from 'node:fs';\nexport const b = readFileSync;"],
    ['the renderer importing Electron', 'renderer/src/common/x.ts', "import { ipcRenderer } from 'electron';\nexport const b = ipcRenderer;"],
    ['a feature importing the app shell', 'renderer/src/features/review/x.ts', "import { useNav } from '../../app/navigation.ts';\nexport const b = useNav;"],
    ['a dynamic import across features', 'renderer/src/features/review/x.ts', "export const b = () => import('../logs/store.ts');"],
  ])('flags %s', async (_what, file, code) => {
    expect(await layerErrors(file, code)).toHaveLength(1);
  });

  it.each([
    ['a feature importing common, db, the engine contract and shared', 'renderer/src/features/logs/x.ts',
      "import { plural } from '../../common/format.ts';\nimport { db } from '../../db/database.ts';\nimport type { LogEngine } from '../../logs/engine/contract.ts';\nimport { canonicalJson } from '../../../../shared/crypto/index.ts';\nexport const b = [plural, db, canonicalJson] as unknown as LogEngine;"],
    ['the app shell importing features', 'renderer/src/app/x.ts', "import { LogsScreen } from '../features/logs/LogsScreen.tsx';\nexport const b = LogsScreen;"],
    ['the engine importing a worker’s message types', 'renderer/src/logs/engine/x.ts', "import type { ChunkTask } from './chunk.worker.ts';\nexport type B = ChunkTask;"],
    ['a worker importing the engine and shared', 'renderer/src/logs/engine/y.worker.ts', "import { a } from './core.ts';\nimport { canonicalJson } from '../../../../shared/crypto/index.ts';\nexport const b = [a, canonicalJson];"],
  ])('allows %s', async (_what, file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
