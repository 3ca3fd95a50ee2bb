// Saved column mappings for generic JSONL / CSV: stored by the engine, which applies one
// at ingest by its id (IngestOptions.mappingId); listed here for reuse.
import type { FieldMapping } from '../../../../shared/formats/access-logs/mapping.ts';
import type { SavedMapping } from '../../logs/engine/contract.ts';
import { logEngine, openLogEngine } from './engine-instance.ts';

export type { SavedMapping };

export async function listMappings(): Promise<SavedMapping[]> {
  await openLogEngine(); // the store must be loaded before the worker answers
  const engine = logEngine();
  return engine.mappings ? engine.mappings() : [];
}

export async function saveMapping(mapping: FieldMapping): Promise<SavedMapping> {
  await openLogEngine();
  const engine = logEngine();
  if (!engine.saveMapping) throw new Error('this engine cannot store mappings');
  return engine.saveMapping(mapping);
}
