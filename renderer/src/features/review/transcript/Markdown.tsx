// Assistant/user text rendered as markdown, inert by construction:
// - raw HTML is never parsed as HTML (no rehype-raw): react-markdown turns it into
//   visible text, so "<script>" reads as what the agent wrote;
// - links never navigate: <a> renders as a span, its target shown as text outside
//   the evidence text (data-ev-skip) and never put in an attribute;
// - images are never loaded: <img> renders as a text placeholder;
// - only a small list of block/inline elements is allowed at all.
import { memo, type ReactElement } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';

const allowedElements = [
  'p', 'br', 'em', 'strong', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'a', 'img',
];

const components: Components = {
  a: ({ children, href }) => (
    <span className="md-link">
      {children}
      {href ? (
        <span className="md-href" data-ev-skip="">
          {`⟨${href}⟩`}
        </span>
      ) : null}
    </span>
  ),
  img: ({ alt, src }) => (
    <span className="md-img" data-ev-skip="">
      {`[image${alt ? `: ${alt}` : ''}${src ? ` ⟨${String(src)}⟩` : ''}, not loaded]`}
    </span>
  ),
};

// URLs only ever reach the components above, which print them as text; keeping
// them verbatim shows the expert exactly what the agent wrote (even javascript:).
const keepUrlAsText = (url: string) => url;

// Parsed output by source. Parsing (a fresh unified pipeline, mdast, hast, JSX) is
// most of a row's render, and a virtualized list mounts the same rows again and
// again while the expert scrolls back and forth. ReactMarkdown is a plain function
// of its props (no hooks), so its element tree can be kept and mounted again.
const cacheLimit = 2000;
const cache = new Map<string, ReactElement>();

function rendered(source: string): ReactElement {
  let element = cache.get(source);
  if (element) {
    cache.delete(source); // most recently used goes last
  } else {
    element = ReactMarkdown({ allowedElements, unwrapDisallowed: true, urlTransform: keepUrlAsText, components, children: source });
    if (cache.size >= cacheLimit) cache.delete(cache.keys().next().value!);
  }
  cache.set(source, element);
  return element;
}

/**
 * Parses sources ahead of time in idle callbacks so their rows mount cheaply. A parse
 * starts only when the time it is expected to take (at a slowly decaying maximum of
 * the rates per character measured) fits in what is left of the idle period: one that
 * overran it would delay the next frame, and idle periods between frames are short
 * while the expert scrolls.
 */
export function warmMarkdown(sources: readonly string[]): () => void {
  if (typeof requestIdleCallback !== 'function') return () => {};
  let next = 0;
  let handle = 0;
  let msPerChar = 0.01; // a first guess, replaced by what parses measure
  const work = (deadline: IdleDeadline) => {
    while (next < sources.length) {
      const source = sources[next]!;
      if (cache.has(source)) {
        next++;
        continue;
      }
      // An idle period of up to 50 ms always gets one parse, so a source longer than
      // any period's budget is still warmed when the page is truly idle.
      if (source.length * msPerChar > deadline.timeRemaining() - 1 && deadline.timeRemaining() < 49) break;
      const started = performance.now();
      rendered(source);
      msPerChar = Math.max(msPerChar * 0.9, (performance.now() - started) / Math.max(1, source.length));
      next++;
    }
    if (next < sources.length) handle = requestIdleCallback(work);
  };
  handle = requestIdleCallback(work);
  return () => cancelIdleCallback(handle);
}

export const Markdown = memo(function Markdown({ source }: { source: string }) {
  return rendered(source);
});
