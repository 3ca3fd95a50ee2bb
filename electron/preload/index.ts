// Preload (built as CommonJS: a sandboxed preload cannot be an ES module). Exposes the
// contract bridge and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { buildCustodyBridge } from './bridge.ts';

contextBridge.exposeInMainWorld('custody', buildCustodyBridge(ipcRenderer));
