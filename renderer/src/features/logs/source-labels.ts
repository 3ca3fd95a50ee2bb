// How a source is named wherever one is shown (facet, chips, timeline, drawer): its file
// name, and when two sources share a name, what tells them apart — when each was imported
// and the start of its SHA-256 (or its size while a partial import has no digest yet).
import { formatBytes } from '../../common/format.ts';
import type { LogSource } from '../../logs/engine/contract.ts';

function distinguish(s: LogSource): string {
  const when = `imported ${s.importedAt.slice(0, 16).replace('T', ' ')} UTC`;
  const which = s.sha256 ? `sha256 ${s.sha256.replace(/^sha256:/, '').slice(0, 8)}` : formatBytes(s.size);
  return `${s.name} (${when}, ${which})`;
}

export function sourceLabels(sources: readonly LogSource[]): Map<string, string> {
  const perName = new Map<string, number>();
  for (const s of sources) perName.set(s.name, (perName.get(s.name) ?? 0) + 1);
  return new Map(sources.map((s) => [s.id, (perName.get(s.name) ?? 0) > 1 ? distinguish(s) : s.name]));
}
