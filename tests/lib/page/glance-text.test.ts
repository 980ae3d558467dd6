// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { glanceText } from '../../../lib/page/glance-text';

const body = (html: string) => {
  document.body.innerHTML = html;
  return document.body;
};

/** Runs `glance` with every `textContent` read counted: how many characters it copied. */
function copying(glance: () => string | null): { glance: string | null; copied: number } {
  const getter = Object.getOwnPropertyDescriptor(Node.prototype, 'textContent')!;
  let copied = 0;
  Object.defineProperty(Node.prototype, 'textContent', {
    configurable: true,
    get(this: Node) {
      const text = getter.get!.call(this) as string;
      copied += text.length;
      return text;
    },
  });
  try {
    return { glance: glance(), copied };
  } finally {
    Object.defineProperty(Node.prototype, 'textContent', getter);
  }
}

describe("the page's first look at its text", () => {
  it('is its textContent, without the scripts, styles and templates that are its own children', () => {
    const root = body(
      '<script>var a = "Islamic State";</script><h1>Zakura</h1><style>p{}</style>' +
        '<noscript>Enable JS</noscript><template><p>Later</p></template><p>Attack <b>claimed</b>.</p>',
    );
    expect(glanceText(root, 1000)).toBe('ZakuraAttack claimed.');
  });

  it('keeps text directly in the root and scripts further down, as textContent has them', () => {
    const root = body('Breaking: <div>Police <script>x = 1</script>said</div> more');
    expect(glanceText(root, 1000)).toBe('Breaking: Police x = 1said more');
    document.body.replaceChildren(document.createTextNode('only text'), document.createComment('note'));
    expect(glanceText(document.body, 1000)).toBe('only text');
  });

  it('reads a container of many children child by child, and gives up a few of them past the limit', () => {
    const paragraphs = Array.from({ length: 300 }, (_, i) => `<p>Paragraph ${i} of a long report.</p>`);
    const root = body(`<h1>Title</h1><article>${paragraphs.join('')}<script>var x;</script></article>`);
    const article = root.querySelector('article')!;
    expect(glanceText(root, 100_000)).toBe(`Title${article.textContent!.replace('var x;', '')}`);

    const { glance, copied } = copying(() => glanceText(root, 200));
    expect(glance).toBeNull();
    expect(copied).toBeLessThan(300);
  });

  it('gives up on a container whose first children, as long as they are, would take it over the limit', () => {
    const paragraphs = Array.from({ length: 1000 }, (_, i) => `<p>Paragraph ${i} of a very long report.</p>`);
    const root = body(`<article>${paragraphs.join('')}</article>`);
    const total = root.textContent!.length;
    // Over the limit by its first 16 paragraphs already: given up before most of it was copied.
    const { glance, copied } = copying(() => glanceText(root, total / 2));
    expect(glance).toBeNull();
    expect(copied).toBeLessThan(total / 20);
    // Under the limit, it is all there.
    expect(glanceText(root, total)).toBe(root.textContent);
  });

  it('gives up once the text runs over the limit, so that a huge page walks its text instead', () => {
    const root = body(`<p>${'a'.repeat(60)}</p><p>${'b'.repeat(60)}</p>`);
    expect(glanceText(root, 100)).toBeNull();
    expect(glanceText(root, 120)).toHaveLength(120);
  });
});
