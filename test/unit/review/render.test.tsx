// @vitest-environment jsdom
// Transcript rendering is inert: markdown never yields live HTML, links or images,
// and JSON values are text nodes carrying their evidence paths.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../../shared/model/transcript.ts';
import { Markdown } from '../../../renderer/src/features/review/transcript/Markdown.tsx';
import { MessageRow } from '../../../renderer/src/features/review/transcript/MessageRow.tsx';
import { foldPoint } from '../../../renderer/src/features/review/transcript/FoldableText.tsx';
import { describePath } from '../../../renderer/src/features/review/paths.ts';
import { initialReviewState, revealPath, useReview } from '../../../renderer/src/features/review/store.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLDivElement;
let root: Root;
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  useReview.setState(initialReviewState);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

const render = (el: React.ReactNode) => act(() => root.render(el));

const hostile = [
  'Hello <script>window.__pwned = 1</script> there',
  '<img src=x onerror="window.__pwned=1"> and <iframe src="https://evil.example"></iframe>',
  '[click me](javascript:alert(1)) and <a href="javascript:alert(2)">raw link</a>',
  '![tracker](https://evil.example/pixel.png)',
  '<svg onload="alert(3)"></svg> SENTINEL-VISIBLE-TEXT',
].join('\n\n');

function assertInert(container: Element) {
  expect(container.querySelectorAll('script, iframe, img, a, svg, object, embed, style, link')).toHaveLength(0);
  for (const el of Array.from(container.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      expect(attr.name.startsWith('on'), `${el.tagName} ${attr.name}`).toBe(false);
      expect(['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href']).not.toContain(attr.name);
    }
  }
}

describe('markdown', () => {
  it('shows raw HTML as text and never creates live elements', () => {
    render(<Markdown source={hostile} />);
    assertInert(host);
    expect(host.textContent).toContain('<script>window.__pwned = 1</script>');
    expect(host.textContent).toContain('<img src=x onerror=');
    expect(host.textContent).toContain('SENTINEL-VISIBLE-TEXT');
  });

  it('renders links as text with their target shown apart, images as placeholders', () => {
    render(<Markdown source={'[click me](javascript:alert(1)) ![tracker](https://evil.example/p.png)'} />);
    const link = host.querySelector('.md-link')!;
    expect(link.tagName).toBe('SPAN');
    expect(link.querySelector('[data-ev-skip]')?.textContent).toBe('⟨javascript:alert(1)⟩');
    expect(host.querySelector('.md-img')?.textContent).toBe('[image: tracker ⟨https://evil.example/p.png⟩, not loaded]');
  });

  it('keeps ordinary formatting', () => {
    render(<Markdown source={'**Call 911** now.\n\n- one\n- two\n\n`code`'} />);
    expect(host.querySelector('strong')?.textContent).toBe('Call 911');
    expect(host.querySelectorAll('li')).toHaveLength(2);
    expect(host.querySelector('code')?.textContent).toBe('code');
  });
});

const message = (over: Partial<Message>): Message => ({ id: 'm1', role: 'assistant', content: [], toolCalls: [], ...over });

describe('message row', () => {
  it('marks the message and each selectable piece with data-msg / data-path', () => {
    render(
      <MessageRow
        index={0}
        current={false}
        selecting={false}
        message={message({
          content: [
            { type: 'reasoning', text: 'thinking…' },
            { type: 'text', text: 'Answer' },
          ],
          toolCalls: [{ id: 'call_1', name: 'search', server: 'kb', arguments: { 'a/b': '<b>x</b>', nested: { list: [1, null, 'two'] } } }],
        })}
      />,
    );
    const paths = Array.from(host.querySelectorAll('[data-path]')).map((e) => e.getAttribute('data-path'));
    expect(paths).toEqual([
      'content/0',
      'content/1',
      'toolCalls/0/name',
      'toolCalls/0/arguments/a~1b',
      'toolCalls/0/arguments/nested/list/0',
      'toolCalls/0/arguments/nested/list/1',
      'toolCalls/0/arguments/nested/list/2',
    ]);
    expect(host.querySelector('[data-msg="m1"]')?.getAttribute('data-role')).toBe('assistant');
    expect(host.querySelector('b')).toBeNull(); // string values are text
    expect(host.querySelector('[data-path="toolCalls/0/arguments/a~1b"]')?.textContent).toBe('<b>x</b>');
    expect(host.querySelector('.rv-call-server')?.textContent).toBe('on kb');
    expect(host.querySelector('.rv-reasoning')).not.toBeNull();
  });

  it('renders tool output as text or a JSON tree, folding long output', () => {
    const long = Array.from({ length: 100 }, (_, i) => `row ${i}`).join('\n');
    render(
      <MessageRow
        index={3}
        current
        selecting={false}
        message={message({ id: 'm9', role: 'tool', content: [], toolResult: { toolCallId: 'call_1', content: long } })}
      />,
    );
    const pre = host.querySelector('[data-path="toolResult"]')!;
    expect(pre.textContent!.split('\n')).toHaveLength(40);
    const button = host.querySelector<HTMLButtonElement>('.rv-fold')!;
    expect(button.textContent).toMatch(/Show all \(100 lines/);
    act(() => button.click());
    expect(host.querySelector('[data-path="toolResult"]')!.textContent).toBe(long);

    render(<MessageRow index={3} current={false} selecting={false} message={message({ id: 'm9', role: 'tool', content: [], toolResult: { content: { rows: [{ name: 'x' }] } } })} />);
    expect(host.querySelector('[data-path="toolResult/rows/0/name"]')?.textContent).toBe('x');
  });

  it('reveals evidence hidden in collapsed JSON and folded text (evidence jumps)', () => {
    const deep = { a: { b: { c: { d: 'needle' } } }, log: Array.from({ length: 60 }, (_, i) => `line ${i}`).join('\n') };
    const row = <MessageRow index={0} current={false} selecting={false} message={message({ id: 'm7', role: 'tool', content: [], toolResult: { content: deep } })} />;
    render(row);
    expect(host.querySelector('[data-path="toolResult/a/b/c/d"]')).toBeNull(); // depth 3 starts collapsed
    expect(host.querySelector('[data-path="toolResult/log"]')!.textContent!.split('\n')).toHaveLength(40);
    act(() => revealPath('m7', 'toolResult/a/b/c/d'));
    act(() => revealPath('m7', 'toolResult/log'));
    expect(host.querySelector('[data-path="toolResult/a/b/c/d"]')?.textContent).toBe('needle');
    expect(host.querySelector('[data-path="toolResult/log"]')!.textContent!.split('\n')).toHaveLength(60);
  });

  it('fold points: by lines or characters, whichever comes first', () => {
    expect(foldPoint('short')).toBeNull();
    expect(foldPoint('x'.repeat(5000))).toBe(4000);
    const lines = Array.from({ length: 50 }, () => 'abc').join('\n');
    expect(lines.slice(0, foldPoint(lines)!).split('\n')).toHaveLength(40);
  });

  it('describes paths for evidence chips', () => {
    expect(describePath('content/0')).toBe('text 1');
    expect(describePath('toolCalls/1/arguments/a~1b/0')).toBe('call 2 · a/b/0');
    expect(describePath('toolCalls/0/name')).toBe('call 1 · name');
    expect(describePath('toolResult')).toBe('result');
    expect(describePath('toolResult/rows/0')).toBe('result · rows/0');
  });
});
