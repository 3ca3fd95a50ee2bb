// Evidence paths, following the convention documented on EvidenceSpan in
// shared/model/annotation.ts. Segments below "arguments/" and "toolResult/" are
// JSON-pointer segments (RFC 6901 escaping), so any key round-trips.

export function pointerSegment(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function childPath(base: string, key: string | number): string {
  return `${base}/${pointerSegment(key)}`;
}

export const contentPath = (part: number): string => `content/${part}`;
export const toolNamePath = (call: number): string => `toolCalls/${call}/name`;
export const toolArgsPath = (call: number): string => `toolCalls/${call}/arguments`;
/**
 * Not in the base convention: the verbatim argument string of a call whose
 * arguments were not valid JSON (ToolCall.argumentsRaw).
 */
export const toolArgsRawPath = (call: number): string => `toolCalls/${call}/argumentsRaw`;
export const toolResultPath = 'toolResult';

/** Short human label for an evidence chip ("text 1", "call 2 · query", "result · rows/0"). */
export function describePath(path: string): string {
  const parts = path.split('/');
  if (parts[0] === 'content') return `text ${Number(parts[1]) + 1}`;
  if (parts[0] === 'toolCalls') {
    const call = `call ${Number(parts[1]) + 1}`;
    if (parts[2] === 'name') return `${call} · name`;
    if (parts[2] === 'argumentsRaw') return `${call} · raw args`;
    const rest = parts.slice(3).map(unescapeSegment).join('/');
    return rest ? `${call} · ${rest}` : call;
  }
  if (parts[0] === 'toolResult') {
    const rest = parts.slice(1).map(unescapeSegment).join('/');
    return rest ? `result · ${rest}` : 'result';
  }
  return path;
}

function unescapeSegment(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}
