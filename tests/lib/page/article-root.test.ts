// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { articleRoot } from '../../../lib/page/article-root';

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = html;
  return doc;
}

describe('the article’s element', () => {
  it('prefers the body the page declares', () => {
    const doc = page(
      '<main><h1>Title</h1><article id="a">Long article text here, long</article><div itemprop="articleBody" id="b">Body</div></main>',
    );
    expect(articleRoot(doc)!.id).toBe('b');
  });

  it('else takes the longest article, not a teaser beside it', () => {
    const doc = page(
      '<article id="teaser">Short</article><article id="story">The story itself, much longer</article>',
    );
    expect(articleRoot(doc)!.id).toBe('story');
  });

  it('else takes main, and gives up on a page that says nothing', () => {
    expect(articleRoot(page('<nav>menu</nav><main id="m">text</main>'))!.id).toBe('m');
    expect(articleRoot(page('<div role="main" id="r">text</div>'))!.id).toBe('r');
    expect(articleRoot(page('<div>text</div>'))).toBeNull();
  });
});
