// Collapsible JSON for tool arguments and structured tool results. Every value is
// rendered as a text node (never as markup); string and scalar leaves carry the
// evidence path of their JSON pointer.
// A tool result is most of a transcript's elements, and rows mount on every scrolled
// frame: the tree reads the open/closed state with one store subscription at its
// root (not one per node), and a line is one block holding its key as text and its
// value as the one element that carries the evidence path.
import { Fragment } from 'react';
import { childPath } from '../paths.ts';
import { setExpanded, toggleKey, useReview } from '../store.ts';
import { FoldedText } from './FoldableText.tsx';

/** Children shown before a "Show N more" button. */
export const shownChildren = 200;

/** Whether an object or array is open before the expert toggles it. */
export const opensByDefault = (depth: number, size: number) => depth < 3 && size <= 50;

interface Tree {
  messageId: string;
  expanded: ReadonlyMap<string, boolean>;
}

interface NodeProps {
  value: unknown;
  path: string;
  name?: string | number;
  depth: number;
  tree: Tree;
}

/** A line's key as text ("name: "), or nothing at the root. */
const keyText = (name?: string | number) => (name === undefined ? '' : `${name}: `);

function Leaf({ value, path, name, tree }: NodeProps) {
  return (
    <div className="jt-leaf">
      {keyText(name)}
      {typeof value === 'string' ? (
        <FoldedText inline className="jt-str" text={value} messageId={tree.messageId} path={path} expanded={tree.expanded.get(toggleKey(tree.messageId, path)) === true} />
      ) : (
        <span className={`jt-lit jt-${value === null ? 'null' : typeof value}`} data-path={path}>
          {value === undefined ? 'undefined' : String(value)}
        </span>
      )}
    </div>
  );
}

function Children({ entries, path, depth, tree }: { entries: [string | number, unknown][]; path: string; depth: number; tree: Tree }) {
  const moreKey = toggleKey(tree.messageId, `${path}#more`);
  const all = tree.expanded.get(moreKey) === true;
  const visible = all ? entries : entries.slice(0, shownChildren);
  return (
    <div className="jt-children">
      {visible.map(([k, v]) => (
        <JsonNode key={k} name={k} value={v} path={childPath(path, k)} depth={depth + 1} tree={tree} />
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
export function isInlineList(value: unknown[]): boolean {
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
      {`${keyText(name)}[`}
      {value.map((v, i) => (
        <Fragment key={i}>
          {i > 0 ? ', ' : null}
          <span className={`jt-lit jt-${v === null ? 'null' : typeof v}`} data-path={childPath(path, i)}>
            {String(v)}
          </span>
        </Fragment>
      ))}
      ]
    </div>
  );
}

function entriesOf(value: object): [string | number, unknown][] {
  return Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
}

function JsonNode(props: NodeProps) {
  const { value, path, name, depth, tree } = props;
  const key = toggleKey(tree.messageId, `${path}#tree`);
  const chosen = tree.expanded.get(key);
  if (value === null || typeof value !== 'object') return <Leaf {...props} />;
  if (Array.isArray(value) && value.length && isInlineList(value)) return <InlineList value={value} path={path} name={name} />;
  const entries = entriesOf(value);
  const isArray = Array.isArray(value);
  const open = chosen ?? opensByDefault(depth, entries.length);
  const [lb, rb] = isArray ? ['[', ']'] : ['{', '}'];
  if (!entries.length) {
    return (
      <div className="jt-leaf">{`${keyText(name)}${lb}${rb}`}</div>
    );
  }
  return (
    <div className="jt-node">
      <button type="button" className="jt-toggle" aria-expanded={open} onClick={() => setExpanded([[key, !open]])}>
        {keyText(name) + (open ? lb : `${lb} ${entries.length} ${isArray ? 'items' : 'keys'} ${rb}`)}
      </button>
      {open && <Children entries={entries} path={path} depth={depth} tree={tree} />}
    </div>
  );
}

/** The root object is shown open, without a toggle of its own. */
export function JsonTree({ value, path, messageId }: { value: unknown; path: string; messageId: string }) {
  const expanded = useReview((s) => s.expanded);
  const tree: Tree = { messageId, expanded };
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = entriesOf(value);
    if (!entries.length) return <div className="jt jt-empty">(no arguments)</div>;
    return (
      <div className="jt">
        <Children entries={entries} path={path} depth={0} tree={tree} />
      </div>
    );
  }
  return (
    <div className="jt">
      <JsonNode value={value} path={path} depth={0} tree={tree} />
    </div>
  );
}
