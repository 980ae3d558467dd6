/**
 * The element that holds a page's article, for readers who want only the article marked: the
 * `articleBody` the page declares, else its longest `<article>`, else `<main>`; null when the page
 * says nothing of the kind (then the whole page is read).
 */
export function articleRoot(doc: Document): Element | null {
  const declared = longest(doc.querySelectorAll('[itemprop~="articleBody"]'));
  if (declared) return declared;
  const article = longest(doc.querySelectorAll('article'));
  if (article) return article;
  return doc.querySelector('main, [role="main"]');
}

/** The element with the most text; outer articles win over nested ones of the same length. */
function longest(elements: NodeListOf<Element>): Element | null {
  let best: Element | null = null;
  let bestLength = 0;
  for (const element of elements) {
    const length = element.textContent?.length ?? 0;
    if (length > bestLength) {
      best = element;
      bestLength = length;
    }
  }
  return best;
}
