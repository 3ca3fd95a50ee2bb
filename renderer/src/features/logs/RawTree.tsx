// The verbatim record as a collapsible JSON tree, or as exact text when it is not JSON
// (a CSV row) or the auditor wants the bytes. Values are text nodes only: log content
// is attacker-controlled and must never become markup.
import { useMemo, useState } from 'react';

const childLimit = 200;

function Leaf({ name, value }: { name?: string; value: unknown }) {
  const kind = value === null ? 'null' : typeof value;
  return (
    <div className="rt-leaf">
      {name !== undefined ? <span className="rt-key">{name}</span> : null}
      <span className={`rt-val rt-${kind}`}>{typeof value === 'string' ? JSON.stringify(value) : String(value)}</span>
    </div>
  );
}

function Node({ name, value, depth }: { name?: string; value: unknown; depth: number }) {
  const isObj = value !== null && typeof value === 'object';
  const entries = useMemo(() => (isObj ? (Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value)) : []), [isObj, value]);
  const [open, setOpen] = useState(depth < 2 && entries.length <= 40);
  const [all, setAll] = useState(false);
  if (!isObj) return <Leaf name={name} value={value} />;
  const [lb, rb] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (!entries.length) return <Leaf name={name} value={Array.isArray(value) ? '[]' : '{}'} />;
  const shown = all ? entries : entries.slice(0, childLimit);
  return (
    <div className="rt-node">
      <button type="button" className="rt-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {name !== undefined ? <span className="rt-key">{name}</span> : null}
        <span className="rt-brace">{open ? lb : `${lb} ${entries.length} ${Array.isArray(value) ? 'items' : 'keys'} ${rb}`}</span>
      </button>
      {open ? (
        <div className="rt-children">
          {shown.map(([k, v]) => (
            <Node key={k} name={k} value={v} depth={depth + 1} />
          ))}
          {shown.length < entries.length ? (
            <button type="button" className="btn btn-quiet btn-sm" onClick={() => setAll(true)}>
              Show {entries.length - shown.length} more
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function parse(raw: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch {
    return { ok: false };
  }
}

export function RawTree({ raw }: { raw: string }) {
  const parsed = useMemo(() => parse(raw), [raw]);
  const [asText, setAsText] = useState(false);
  return (
    <div className="rt">
      {parsed.ok ? (
        <div className="rt-mode" role="group" aria-label="Raw record view">
          <button type="button" className="btn btn-sm" aria-pressed={!asText} onClick={() => setAsText(false)}>
            Tree
          </button>
          <button type="button" className="btn btn-sm" aria-pressed={asText} onClick={() => setAsText(true)}>
            Exact text
          </button>
        </div>
      ) : null}
      {parsed.ok && !asText ? (
        <div className="rt-tree mono" data-testid="raw-tree">
          <Node value={parsed.value} depth={0} />
        </div>
      ) : (
        <pre className="rt-text mono">{raw}</pre>
      )}
    </div>
  );
}
