// Collapsible JSON for tool arguments and structured tool results. Every value is
// rendered as a text node (never as markup); string and scalar leaves carry the
// evidence path of their JSON pointer.
import { childPath } from '../paths.ts';
import { setExpanded, toggleKey, useReview } from '../store.ts';
import { FoldableText } from './FoldableText.tsx';

const shownChildren = 200;

interface NodeProps {
  value: unknown;
  path: string;
  messageId: string;
  name?: string | number;
  depth: number;
}

function Key({ name }: { name?: string | number }) {
  if (name === undefined) return null;
  return <span className={typeof name === 'number' ? 'jt-key jt-index' : 'jt-key'}>{name}</span>;
}

function Leaf({ value, path, messageId, name }: NodeProps) {
  return (
    <div className="jt-leaf">
      <Key name={name} />
      {typeof value === 'string' ? (
        <FoldableText inline className="jt-str" text={value} messageId={messageId} path={path} />
      ) : (
        <span className={`jt-lit jt-${value === null ? 'null' : typeof value}`} data-path={path}>
          {value === undefined ? 'undefined' : String(value)}
        </span>
      )}
    </div>
  );
}

function Children({ entries, path, messageId, depth }: { entries: [string | number, unknown][]; path: string; messageId: string; depth: number }) {
  const moreKey = toggleKey(messageId, `${path}#more`);
  const all = useReview((s) => s.expanded.get(moreKey) === true);
  const visible = all ? entries : entries.slice(0, shownChildren);
  return (
    <div className="jt-children">
      {visible.map(([k, v]) => (
        <JsonNode key={k} name={k} value={v} path={childPath(path, k)} messageId={messageId} depth={depth + 1} />
      ))}
      {visible.length < entries.length && (
        <button type="button" className="rv-fold" onClick={() => setExpanded([[moreKey, true]])}>
          Show {entries.length - visible.length} more
        </button>
      )}
    </div>
  );
}

/** Short lists of scalars ("sections: [medications, labs]") read best on one line. */
function isInlineList(value: unknown[]): boolean {
  if (value.length > 8) return false;
  let chars = 0;
  for (const v of value) {
    if (v !== null && typeof v === 'object') return false;
    chars += String(v).length + 2;
  }
  return chars <= 80;
}

function InlineList({ value, path, name }: { value: unknown[]; path: string; name?: string | number }) {
  return (
    <div className="jt-leaf">
      <Key name={name} />
      <span className="jt-inline">
        <span className="jt-brace">[</span>
        {value.map((v, i) => (
          <span key={i} className="jt-item">
            <span className={`jt-lit jt-${v === null ? 'null' : typeof v}`} data-path={childPath(path, i)}>
              {String(v)}
            </span>
          </span>
        ))}
        <span className="jt-brace">]</span>
      </span>
    </div>
  );
}

function entriesOf(value: object): [string | number, unknown][] {
  return Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
}

function JsonNode(props: NodeProps) {
  const { value, path, messageId, name, depth } = props;
  const key = toggleKey(messageId, `${path}#tree`);
  const chosen = useReview((s) => s.expanded.get(key));
  if (value === null || typeof value !== 'object') return <Leaf {...props} />;
  if (Array.isArray(value) && value.length && isInlineList(value)) return <InlineList value={value} path={path} name={name} />;
  const entries = entriesOf(value);
  const isArray = Array.isArray(value);
  const open = chosen ?? (depth < 3 && entries.length <= 50);
  const [lb, rb] = isArray ? ['[', ']'] : ['{', '}'];
  if (!entries.length) {
    return (
      <div className="jt-leaf">
        <Key name={name} />
        <span className="jt-brace">{lb + rb}</span>
      </div>
    );
  }
  return (
    <div className="jt-node">
      <button type="button" className="jt-toggle" aria-expanded={open} onClick={() => setExpanded([[key, !open]])}>
        <Key name={name} />
        <span className="jt-brace">{open ? lb : `${lb} ${entries.length} ${isArray ? 'items' : 'keys'} ${rb}`}</span>
      </button>
      {open && <Children entries={entries} path={path} messageId={messageId} depth={depth} />}
    </div>
  );
}

/** The root object is shown open, without a toggle of its own. */
export function JsonTree({ value, path, messageId }: { value: unknown; path: string; messageId: string }) {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = entriesOf(value);
    if (!entries.length) return <div className="jt jt-empty">(no arguments)</div>;
    return (
      <div className="jt">
        <Children entries={entries} path={path} messageId={messageId} depth={0} />
      </div>
    );
  }
  return (
    <div className="jt">
      <JsonNode value={value} path={path} messageId={messageId} depth={0} />
    </div>
  );
}
