// The access-log benchmark page: the real engine (client + workers, same IndexedDB
// database as the app, same origin), without the workbench UI, so the figures are the
// engine's and do not move with view code.
import { createLogEngine, type WorkerEngine } from '../../../../renderer/src/logs/engine/client.ts';
import { installLogBenchHook } from '../../../../renderer/src/logs/engine/bench-hook.ts';

const params = new URLSearchParams(window.location.search);
let engine: WorkerEngine | undefined;
installLogBenchHook(() => {
  engine ??= createLogEngine({
    ...(params.get('chunkWorkers') ? { chunkWorkers: Number(params.get('chunkWorkers')) } : {}),
    ...(params.get('batchRecords') ? { batchRecords: Number(params.get('batchRecords')) } : {}),
  });
  return engine;
});
document.title = 'bench ready';

