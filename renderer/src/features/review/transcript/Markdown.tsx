// Assistant/user text rendered as markdown, inert by construction:
// - raw HTML is never parsed as HTML (no rehype-raw): react-markdown turns it into
//   visible text, so "<script>" reads as what the agent wrote;
// - links never navigate: <a> renders as a span, its target shown as text outside
//   the evidence text (data-ev-skip) and never put in an attribute;
// - images are never loaded: <img> renders as a text placeholder;
// - only a small list of block/inline elements is allowed at all.
import { memo } from 'react';
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

export const Markdown = memo(function Markdown({ source }: { source: string }) {
  return (
    <ReactMarkdown allowedElements={allowedElements} unwrapDisallowed urlTransform={keepUrlAsText} components={components}>
      {source}
    </ReactMarkdown>
  );
});
