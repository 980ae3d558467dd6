/**
 * Pages that do what busy sites do to a content script, for `npm run bench` and the E2E tests: add
 * thousands of elements in one task, build a very deep tree, edit one text node a thousand times a
 * second, add a paragraph every few milliseconds, re-render a list without keys. Each page exposes
 * `window.__run(...)`, which starts what it does, and records its own timings on `window.__page`.
 */

/** The group the pages name: in the bundled pack. */
export const HOSTILE_GROUP = 'Lashkar-e-Taiba';

const HEAD = `<!doctype html><html lang="en"><head><meta charset="utf-8">`;

/** What every page records about its own work, read by the bench. */
const RECORDER = `window.__page = { runs: 0, started: 0, ended: 0 };
function __own(work) {
  const t0 = performance.now();
  if (!window.__page.started) window.__page.started = t0;
  work();
  window.__page.runs++;
  window.__page.ended = performance.now();
}`;

/**
 * One task appends `count` paragraphs, one `append` call each; every tenth names the group. The page
 * names the group once as it loads, so it is read from the start.
 */
export function bulkAppendPage(): string {
  return `${HEAD}<title>Bulk append</title></head><body><main id="feed">
<p>A live page about ${HOSTILE_GROUP}, which adds its stories all at once.</p></main>
<script>${RECORDER}
window.__expectedMarks = (count) => 1 + Math.ceil(count / 10);
window.__run = (count) => __own(() => {
  const feed = document.getElementById('feed');
  for (let i = 0; i < count; i++) {
    const p = document.createElement('p');
    p.textContent = i % 10 === 0
      ? 'Story ' + i + ': police said ${HOSTILE_GROUP} was behind the raid.'
      : 'Story ' + i + ': weather, markets and the road to the river.';
    feed.append(p);
  }
});
</script></body></html>`;
}

/**
 * One task builds a chain of `depth` nested inline elements, each with a line of text; every 500th
 * names the group. (Nested blocks that deep crash Chromium's layout, with or without ClaimLens.)
 */
export function deepTreePage(): string {
  return `${HEAD}<title>Deep tree</title></head><body><main id="root">
<p>A page about ${HOSTILE_GROUP} whose comments nest without end.</p></main>
<script>${RECORDER}
window.__expectedMarks = (depth) => 1 + Math.ceil(depth / 500);
window.__run = (depth) => __own(() => {
  let parent = document.getElementById('root');
  for (let i = 0; i < depth; i++) {
    const span = document.createElement('span');
    span.append(i % 500 === 0 ? ' Reply ' + i + ' names ${HOSTILE_GROUP}.' : ' Reply ' + i + ' agrees.');
    parent.append(span);
    parent = span;
  }
});
</script></body></html>`;
}

/**
 * A ticker: one text node edited about `perSecond` times a second (each timer run catches up with the
 * clock) for `ms` milliseconds, on a page that names nothing known. `window.__page.edits` counts.
 */
export function tickerPage(): string {
  return `${HEAD}<title>Ticker</title></head><body><main>
<h1>Markets at noon</h1><p>Prices of rice, wheat and cotton, live.</p>
<p>Index: <span id="ticker">0</span></p></main>
<script>${RECORDER}
window.__page.edits = 0;
window.__run = (ms, perSecond = 1000) => new Promise((done) => {
  const text = document.getElementById('ticker').firstChild;
  const start = performance.now();
  const timer = setInterval(() => __own(() => {
    const now = performance.now();
    const due = Math.floor(((now - start) * perSecond) / 1000);
    while (window.__page.edits < due) {
      window.__page.edits++;
      text.data = (1000 + Math.sin(window.__page.edits) * 20).toFixed(2) + ' at ' + now.toFixed(1);
    }
    if (now - start >= ms) { clearInterval(timer); done(window.__page.edits); }
  }), 1);
});
</script></body></html>`;
}

/** A flood: a paragraph naming the group every `everyMs` milliseconds for `ms` milliseconds. */
export function floodPage(): string {
  return `${HEAD}<title>Flood</title></head><body><main id="feed">
<p>Live updates on ${HOSTILE_GROUP}.</p></main>
<script>${RECORDER}
window.__run = (ms, everyMs = 10) => new Promise((done) => {
  const feed = document.getElementById('feed');
  const start = performance.now();
  let i = 0;
  const timer = setInterval(() => __own(() => {
    const p = document.createElement('p');
    p.textContent = 'Update ' + (i++) + ': ${HOSTILE_GROUP} was named again by officials.';
    feed.append(p);
    if (performance.now() - start >= ms) { clearInterval(timer); done(i); }
  }), everyMs);
});
</script></body></html>`;
}

/**
 * A feed that re-renders its list without keys, as a framework does: every `everyMs` it rebuilds the
 * list (the same stories, shifted by one), through `innerHTML`, so the text nodes that held the marks
 * are replaced by new ones holding the same text. `window.__run(count, everyMs)` starts it.
 */
export function keylessFeedPage(): string {
  return `${HEAD}<title>Keyless feed</title></head><body><main>
<h1>Feed</h1><ul id="list"></ul></main>
<script>${RECORDER}
const stories = [];
for (let i = 0; i < 12; i++)
  stories.push(i % 3 === 0 ? 'Story ' + i + ': ${HOSTILE_GROUP} was named by the police.' : 'Story ' + i + ': the river rose.');
let shift = 0;
const render = () => {
  document.getElementById('list').innerHTML = stories
    .map((_, i) => '<li>' + stories[(i + shift) % stories.length] + '</li>')
    .join('');
};
render();
window.__run = (everyMs = 200) => {
  setInterval(() => __own(() => { shift++; render(); }), everyMs);
};
</script></body></html>`;
}
