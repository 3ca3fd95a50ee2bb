// Writes annotations off the UI thread. Measured: an IndexedDB put issued while the desk
// renders a keystroke completes in ~2 ms, but its completion event then waits behind that
// render (and the next key's) on the UI thread, 30-40 ms on the bench machine. Here the
// transaction commits, and is reported committed, whatever the window is doing.
import '../runtime/strict-csp.ts';
import { CustodyDb } from '../db/database.ts';
import { saveAnnotation } from '../db/annotation-writes.ts';
import type { WarmRequest, WriteReply, WriteRequest } from './annotation-writer-protocol.ts';

interface WorkerScope {
  onmessage: ((e: MessageEvent<WriteRequest | WarmRequest>) => void) | null;
  postMessage(message: WriteReply): void;
}

const scope = self as unknown as WorkerScope;
const databases = new Map<string, CustodyDb>();
const epochNow = () => performance.timeOrigin + performance.now();

function open(database: string): CustodyDb {
  let target = databases.get(database);
  if (!target) databases.set(database, (target = new CustodyDb(database)));
  return target;
}

scope.onmessage = async ({ data }) => {
  if ('warm' in data) {
    open(data.database).open().catch(() => {}); // a real failure surfaces on the first save
    return;
  }
  const { seq, database, annotation, queueStatus } = data;
  const target = open(database);
  let putAt = 0;
  try {
    await saveAnnotation(target, annotation, { queueStatus, onPut: () => (putAt = epochNow()) });
    scope.postMessage({ seq, ok: true, putAt, savedAt: epochNow() });
  } catch (error) {
    scope.postMessage({ seq, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
