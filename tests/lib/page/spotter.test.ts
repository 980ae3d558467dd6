// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_PART, Spotter, type SpotterPorts } from '../../../lib/page/spotter';
import { HIGHLIGHT_PRIORITY } from '../../../lib/page/mark-layer';
import {
  MAX_GLANCE,
  type PageFindings,
  type PageGlance,
  type PageReport,
  type ReadText,
} from '../../../lib/messaging';
import type { PageText, TextMatches } from '../../../lib/matching/text-matcher';
import { testPack } from '../../fixtures/test-pack';
import { matcherFor, serviceFor } from '../../fixtures/spot';
import { HeldTexts } from '../../../lib/matching/held-texts';
import { DEFAULT_DISPLAY, type DisplaySettings } from '../../../lib/display-settings';
import { TabFindings } from '../../../lib/tab-findings';

/** jsdom has no CSS Custom Highlight API: a registry with the same shape, enough to see what is drawn. */
class FakeHighlight extends Set<Range> {
  priority = 0;
}
let registry = new Map<string, FakeHighlight>();

beforeEach(() => {
  // A registry of its own per test, as each page has: the spotters of earlier tests keep theirs.
  registry = new Map<string, FakeHighlight>();
  document.head.innerHTML = '';
  Object.assign(globalThis, { Highlight: FakeHighlight });
  Object.defineProperty(globalThis.CSS ?? Object.assign(globalThis, { CSS: {} }).CSS, 'highlights', {
    value: registry,
    configurable: true,
  });
  document.body.innerHTML = '';
  document.head.innerHTML = '';
});

/** Each test's spotters stop with it: one left running would read the next test's page. */
const running: AbortController[] = [];
function pageSignal(): AbortSignal {
  const controller = new AbortController();
  running.push(controller);
  return controller.signal;
}

afterEach(() => {
  for (const controller of running.splice(0)) controller.abort();
  delete (globalThis as { Highlight?: unknown }).Highlight;
});

/**
 * Runs a spotter on the current document with `scanText` (and `scanWithDate`: by default the
 * background holds nothing), and returns what it reported. The page opens with a glance at its whole
 * text (`openPage`), answered with the default display and `readText`, as the background answers a
 * page that may name something: the visible text then goes to `scanText`.
 */
async function runSpotter(
  scanText: SpotterPorts['scanText'],
  scanWithDate: SpotterPorts['scanWithDate'] = async () => ({ resend: true }),
): Promise<PageReport> {
  const spotter = new Spotter(
    document,
    {
      openPage: async (page) => ({
        display: DEFAULT_DISPLAY,
        found: 'glance' in page ? { readText: true } : await scanText(page),
      }),
      scanText,
      scanWithDate,
      reportPage: async () => undefined,
    },
    pageSignal(),
  );
  await spotter.ready;
  const report = spotter.report();
  if (!report) throw new Error('the spotter has no report');
  return report;
}

/**
 * A spotter on the current document that is told to read its text at once, matched with the test
 * pack, beside a background that files what it answers as the page's findings (lib/tab-findings.ts,
 * as the worker does): `shown()` is what the badge and the popup show; `reportPage` gets what the
 * page files itself. `restarted`: the worker started after the page opened, and does not know it.
 */
function readingSpotter(reportPage: SpotterPorts['reportPage'], restarted = false) {
  const matcher = matcherFor(testPack());
  const tabs = new TabFindings();
  const spotter = new Spotter(
    document,
    {
      openPage: async () => {
        if (!restarted) tabs.opened(1, 'https://news.example/a', { display: DEFAULT_DISPLAY });
        return { display: DEFAULT_DISPLAY, found: { readText: true } };
      },
      scanText: async (page) => {
        const where = tabs.filingFor(1, 0, undefined);
        const found = matcher.match(page);
        return tabs.answered(where, found, page.text) ? found : { ...found, unfiled: true as const };
      },
      scanWithDate: async () => ({ resend: true }),
      reportPage: async (findings) => {
        await reportPage(findings);
        tabs.filed(1, findings);
      },
    },
    pageSignal(),
  );
  return { spotter, shown: () => tabs.get(1) };
}

/** Adds a paragraph to the page and waits until the spotter has read it. */
async function appendAndRead(spotter: Spotter, text: string): Promise<void> {
  const read = () => spotter.report()!.timing.characters;
  const before = read();
  const paragraph = document.createElement('p');
  paragraph.textContent = text;
  document.body.append(paragraph);
  await until(() => read() > before);
}

function spin(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy, as copying a long text would be
  }
}

/** The text of the marks of one style (names are random: the style is known by its painting order). */
const drawn = (style: keyof typeof HIGHLIGHT_PRIORITY) =>
  [...([...registry.values()].find((h) => h.priority === HIGHLIGHT_PRIORITY[style]) ?? [])].map((r) =>
    r.toString(),
  );

describe('the spotter on a page', () => {
  it('marks the groups the background finds, in the page text', async () => {
    document.body.innerHTML =
      '<p>The <b>Islamic State</b> claimed it through Amaq; police doubted the claim.</p>';
    const matcher = matcherFor(testPack());
    const report = await runSpotter(async (page) => matcher.match(page));
    expect(drawn('group')).toEqual(['Islamic State', 'Amaq']);
    expect(report.entities.map((e) => e.id).sort()).toEqual(['group-is', 'media-amaq']);
  });

  it('counts copying the text into the message as page time, even when it happens microtasks later', async () => {
    document.body.innerHTML = '<p>Nothing known here.</p>';
    const report = await runSpotter(async () => {
      await undefined;
      spin(5); // the library copying the message, after its first await
      await new Promise((done) => setTimeout(done, 20)); // the answer, which the page only waits for
      spin(300); // not the page's send: another task, after the wait (long, so that load cannot blur it)
      return { mentions: [], incidents: [] };
    });
    expect(report.timing.phases.send).toBeGreaterThanOrEqual(5);
    expect(report.timing.phases.send).toBeLessThan(300);
    // The wait for the answer is not a task of the page's.
    expect(report.timing.longestTaskMs).toBeGreaterThanOrEqual(5);
    expect(report.timing.longestTaskMs).toBeLessThan(300);
  });

  it("counts the first touch of the page's DOM and the making of the walker as page time", async () => {
    document.body.innerHTML = '<p>Nothing known here.</p>';
    const body = document.body;
    const createTreeWalker = document.createTreeWalker.bind(document);
    // In a content script's world the first touch makes the DOM objects; here, slow stand-ins.
    Object.defineProperty(document, 'body', {
      configurable: true,
      get: () => (spin(5), body),
    });
    document.createTreeWalker = (...args: Parameters<Document['createTreeWalker']>) => {
      spin(5);
      return createTreeWalker(...args);
    };
    try {
      const report = await runSpotter(async () => ({ mentions: [], incidents: [] }));
      expect(report.timing.phases.setup).toBeGreaterThanOrEqual(5);
      expect(report.timing.phases.collect).toBeGreaterThanOrEqual(5);
      expect(report.timing.busyMs).toBeGreaterThanOrEqual(10);
      // The first touch is in the task that opens the page, the walker in the one that reads its text
      // once the background asked for it: each task is measured whole.
      expect(report.timing.longestTaskMs).toBeGreaterThanOrEqual(5);
    } finally {
      delete (document as { body?: unknown }).body;
      delete (document as { createTreeWalker?: unknown }).createTreeWalker;
    }
  });

  it('never touches the highlight API on a page where nothing is found', async () => {
    document.body.innerHTML = '<p>Rain is expected in the hills.</p>';
    let touched = 0;
    Object.defineProperty(globalThis, 'Highlight', {
      configurable: true,
      get: () => (touched++, FakeHighlight),
    });
    Object.defineProperty(globalThis.CSS, 'highlights', {
      configurable: true,
      get: () => (touched++, registry),
    });
    await runSpotter(async () => ({ mentions: [], incidents: [] }));
    expect(touched).toBe(0);
    document.body.innerHTML = '<p>The Islamic State claimed it.</p>';
    const matcher = matcherFor(testPack());
    await runSpotter(async (page) => matcher.match(page));
    expect(touched).toBeGreaterThan(0);
    expect(drawn('group')).toEqual(['Islamic State']);
  });

  it('offers no mark to hover or step to where the browser cannot draw them, and still reports', async () => {
    delete (globalThis as { Highlight?: unknown }).Highlight;
    document.body.innerHTML = '<p>The Islamic State claimed it through Amaq.</p>';
    const { spotter, shown } = readingSpotter(async () => undefined);
    await spotter.ready;
    expect(spotter.getMarks()).toEqual([]);
    expect(registry.size).toBe(0);
    expect(
      spotter
        .report()!
        .entities.map((e) => e.id)
        .sort(),
    ).toEqual(['group-is', 'media-amaq']);
    expect(
      shown()!
        .entities.map((e) => e.id)
        .sort(),
    ).toEqual(['group-is', 'media-amaq']);
  });

  it('sends no findings of its own while it shows what it was answered, and files them, counting the sending, once it does not', async () => {
    document.body.innerHTML = '<p id="claim">The Islamic State claimed it.</p><p>Rain in the hills.</p>';
    const filed: PageFindings[] = [];
    const { spotter, shown } = readingSpotter(async (findings) => {
      await undefined;
      spin(5); // the library copying the message, after its first await
      filed.push(findings);
    });
    await spotter.ready;
    // The background filed what it answered: the badge shows it, and the page sends nothing more.
    expect(shown()!.entities.map((e) => e.id)).toEqual(['group-is']);
    expect(filed).toEqual([]);

    // What it found did not change: the background is not told again.
    await appendAndRead(spotter, 'Rain again.');
    expect(filed).toEqual([]);
    expect(shown()!.entities.map((e) => e.id)).toEqual(['group-is']);

    // The name left the page: the background still holds what it answered, so the page tells it.
    document.getElementById('claim')!.textContent = 'A correction was issued.';
    await until(() => filed.length === 1);
    expect(filed[0]!.entities).toEqual([]);
    expect(shown()!.entities).toEqual([]);
    expect(drawn('group')).toEqual([]);
    // Sending it was the page's work, in the task that drew the marks.
    expect(spotter.report()!.timing.phases.report).toBeGreaterThanOrEqual(5);
    expect(spotter.report()!.timing.longestTaskMs).toBeGreaterThanOrEqual(5);

    // Nothing found before, nothing now: the background is not told again.
    await appendAndRead(spotter, 'More rain.');
    expect(filed).toHaveLength(1);
    // A name again: the page files its own findings from now on.
    await appendAndRead(spotter, 'The Islamic State claimed it again.');
    await until(() => filed.length === 2);
    expect(shown()!.entities.map((e) => [e.id, e.mentions])).toEqual([['group-is', 1]]);
  });

  it('files its own findings where the background did not file what it answered (its worker restarted), and again if that was not taken', async () => {
    document.body.innerHTML = '<p>The Islamic State claimed it.</p>';
    let calls = 0;
    const { spotter, shown } = readingSpotter(async () => {
      calls++;
      if (calls === 1) throw new Error('the background is restarting');
    }, true);
    await spotter.ready;
    expect(calls).toBe(1);
    await appendAndRead(spotter, 'Rain again.');
    expect(calls).toBe(2);
    expect(shown()!.entities.map((e) => e.id)).toEqual(['group-is']);
  });

  it('drops the marks of text the page removes, and tells the background, with nothing added', async () => {
    document.body.innerHTML = '<p id="claim">The Islamic State claimed it.</p><p>Rain in the hills.</p>';
    const filed: PageFindings[] = [];
    const { spotter, shown } = readingSpotter(async (findings) => {
      filed.push(findings);
    });
    await spotter.ready;
    expect(spotter.getMarks()).toHaveLength(1);
    expect(shown()!.entities).toHaveLength(1);
    document.getElementById('claim')!.remove();
    await until(() => filed.length === 1);
    expect(filed[0]!.entities).toEqual([]);
    expect(shown()!.entities).toEqual([]);
    expect(spotter.getMarks()).toEqual([]);
    expect(drawn('group')).toEqual([]);
  });

  it('sends the date its meta tags declare with its text: no second step', async () => {
    document.head.innerHTML = '<meta name="pubdate" content="2017-11-20T09:30:00+05:30">';
    document.body.innerHTML =
      '<p>Militants attacked a police party in Zakura on Friday. The Islamic State said it did it.</p>';
    const matcher = matcherFor(testPack());
    const texts: PageText[] = [];
    let secondSteps = 0;
    const report = await runSpotter(
      async (page) => {
        texts.push(page);
        return matcher.match(page);
      },
      async () => {
        secondSteps++;
        return { resend: true };
      },
    );
    expect(texts.map((t) => [t.dateUnread ?? false, t.declaredDate])).toEqual([
      [false, '2017-11-20T09:30:00+05:30'],
    ]);
    expect(secondSteps).toBe(0);
    expect(report.published).toBe('2017-11-20');
    expect(report.incidents.map((i) => i.id)).toEqual(['incident-zakura-2017']);
    expect(drawn('incident')).toEqual(['Zakura']);
    expect(report.timing.phases.metadata).toBeUndefined();
  });

  it('reads JSON-LD and <time> only when the background asks for the date, and then sends only the date', async () => {
    document.head.innerHTML = `<script type="application/ld+json">${JSON.stringify({
      '@type': 'NewsArticle',
      datePublished: '2017-11-20T09:30:00+05:30',
    })}</script>`;
    document.body.innerHTML =
      '<p>Militants attacked a police party in Zakura on Friday. The Islamic State said it did it.</p>';
    // The background's two steps (entrypoints/background): the text is held while the date is read.
    const matcher = matcherFor(testPack());
    const held = new HeldTexts<PageText>();
    const texts: PageText[] = [];
    const dates: (string | undefined)[] = [];
    const report = await runSpotter(
      async (page) => {
        texts.push(page);
        const found = matcher.match(page);
        return found.needsDate ? { ...found, resume: held.hold('tab', page) } : found;
      },
      async (resume, declaredDate) => {
        dates.push(declaredDate);
        const page = held.take('tab', resume);
        return page ? matcher.match({ ...page, dateUnread: false, declaredDate }) : { resend: true };
      },
    );
    expect(texts).toHaveLength(1);
    expect(texts[0]!.dateUnread).toBe(true);
    expect(dates).toEqual(['2017-11-20T09:30:00+05:30']);
    expect(report.published).toBe('2017-11-20');
    expect(report.incidents.map((i) => i.id)).toEqual(['incident-zakura-2017']);
    expect(drawn('incident')).toEqual(['Zakura']);
  });

  it('does not read JSON-LD or <time> on a page that names no place or incident', async () => {
    document.head.innerHTML = `<script type="application/ld+json">${JSON.stringify({
      '@type': 'NewsArticle',
      datePublished: '2017-11-20T09:30:00+05:30',
    })}</script>`;
    document.body.innerHTML = '<p>The Islamic State claimed it through Amaq.</p>';
    const matcher = matcherFor(testPack());
    let secondSteps = 0;
    const report = await runSpotter(
      async (page) => matcher.match(page),
      async () => {
        secondSteps++;
        return { resend: true };
      },
    );
    expect(secondSteps).toBe(0);
    expect(report.timing.phases.metadata).toBeUndefined();
    expect(drawn('group')).toEqual(['Islamic State', 'Amaq']);
  });

  it('sends the text again with the date when the background no longer holds it', async () => {
    document.head.innerHTML = '<time datetime="2017-11-20T09:30:00+05:30"></time>';
    document.body.innerHTML = '<p>The Zakura attack was claimed by the Islamic State.</p>';
    const asked: PageText[] = [];
    const report = await runSpotter(async (page): Promise<TextMatches> => {
      asked.push(page);
      return page.dateUnread
        ? { mentions: [], incidents: [], needsDate: true, resume: 'lost-when-the-worker-restarted' }
        : { mentions: [], incidents: [] };
    });
    expect(asked.map((p) => [p.dateUnread ?? false, p.declaredDate])).toEqual([
      [true, undefined],
      [false, '2017-11-20T09:30:00+05:30'],
    ]);
    expect(report.timing.phases.metadata).toBeDefined();
  });
});

describe('how the spotter opens a page', () => {
  const service = serviceFor(testPack());
  /** What the background answers, with the pack (entrypoints/background): a glance, or visible text. */
  const background = (page: PageGlance | PageText) =>
    'glance' in page ? service.glanceAt(page.glance) : service.scan(page);

  /** Runs a spotter whose opening is answered by `answer`; returns what each port was sent. */
  async function openWith(
    answer: (
      page: PageGlance | PageText,
    ) =>
      | { display: DisplaySettings | null; found: TextMatches | ReadText | null }
      | Promise<{ display: DisplaySettings | null; found: TextMatches | ReadText | null }>,
    known: DisplaySettings = DEFAULT_DISPLAY,
  ) {
    const opened: { text: string; glance: boolean; scope: string; canonical?: string }[] = [];
    const scanned: PageText[] = [];
    const filed: PageFindings[] = [];
    const spotter = new Spotter(
      document,
      {
        openPage: async (page, scope, canonical) => {
          const glance = 'glance' in page;
          opened.push({
            text: glance ? page.glance : page.text,
            glance,
            scope,
            canonical,
          });
          return answer(page);
        },
        scanText: async (page) => {
          scanned.push(page);
          return service.scan(page);
        },
        scanWithDate: async () => ({ resend: true }),
        reportPage: async (r) => {
          filed.push(r);
        },
      },
      pageSignal(),
      known,
    );
    await spotter.ready;
    return { opened, scanned, filed, report: spotter.report(), spotter };
  }

  const ARTICLE_PAGE =
    '<nav>Tehreek-ul-Mujahideen in the menu</nav><article><p>The Islamic State claimed it through Amaq.</p></article>';

  it('opens with a look at the whole text, then reads and sends the visible text when it may name something', async () => {
    document.head.innerHTML = '<link rel="canonical" href="https://news.example/a">';
    document.body.innerHTML = `${ARTICLE_PAGE}<div><script>window.track = 'Islamic State';</script></div><script>window.ads = 1;</script>`;
    const { opened, scanned, report } = await openWith((page) => ({
      display: DEFAULT_DISPLAY,
      found: background(page),
    }));
    expect(opened).toEqual([
      {
        text: expect.stringContaining("window.track = 'Islamic State'"),
        glance: true,
        scope: 'page',
        canonical: 'https://news.example/a',
      },
    ]);
    // The visible text only: not the script.
    expect(scanned.map((p) => [p.text, p.breaks])).toEqual([
      ['Tehreek-ul-Mujahideen in the menuThe Islamic State claimed it through Amaq.', [33]],
    ]);
    expect(drawn('group')).toEqual(['Tehreek-ul-Mujahideen', 'Islamic State', 'Amaq']);
    expect(report?.entities).toHaveLength(3);
    expect(report?.timing.glanced).toBe(opened[0]!.text.length);
  });

  it('never walks a page whose whole text names nothing known, and still reads what arrives later', async () => {
    document.body.innerHTML =
      '<h1>Crisis talks</h1><p>An analysis of the Bahamas budget.</p><script>var isis = "goddess";</script>';
    document.head.innerHTML = '<meta property="article:published_time" content="2017-11-20T09:30:00+05:30">';
    const createTreeWalker = document.createTreeWalker.bind(document);
    let walkers = 0;
    document.createTreeWalker = (...args: Parameters<Document['createTreeWalker']>) => {
      walkers++;
      return createTreeWalker(...args);
    };
    // Its meta tags are not read either: only an incident needs the date.
    const queryHead = document.head.querySelectorAll.bind(document.head);
    let headQueries = 0;
    document.head.querySelectorAll = ((selector: string) => {
      headQueries++;
      return queryHead(selector);
    }) as typeof document.head.querySelectorAll;
    try {
      const { opened, scanned, filed, report, spotter } = await openWith((page) => ({
        display: DEFAULT_DISPLAY,
        found: background(page),
      }));
      expect(opened.map((o) => o.glance)).toEqual([true]);
      expect(scanned).toEqual([]);
      expect(walkers).toBe(0);
      expect(headQueries).toBe(0);
      // Nothing found, nothing filed: the background took the page to have nothing as it opened.
      expect(filed).toEqual([]);
      expect(report?.entities).toEqual([]);
      expect(report?.timing).toMatchObject({ textNodes: 0, characters: 0 });
      expect(report?.timing.glanced).toBeGreaterThan(0);
      expect(report?.timing.phases.collect).toBeUndefined();
      expect(report?.timing.phases.report).toBeGreaterThanOrEqual(0);

      const later = document.createElement('p');
      later.textContent = 'The Islamic State claimed the attack.';
      document.body.append(later);
      await until(() => filed.length === 1);
      // The new paragraph, then (a group arrived on a page never walked) the whole page, once.
      expect(scanned.map((p) => [p.text, p.declaredDate])).toEqual([
        ['The Islamic State claimed the attack.', '2017-11-20T09:30:00+05:30'],
        [expect.stringContaining('Crisis talks'), '2017-11-20T09:30:00+05:30'],
      ]);
      expect(drawn('group')).toEqual(['Islamic State']);
      expect(spotter.getMarks()).toHaveLength(1);
    } finally {
      delete (document as { createTreeWalker?: unknown }).createTreeWalker;
      delete (document.head as { querySelectorAll?: unknown }).querySelectorAll;
    }
  });

  /** Opens a page that names only a person (never walked), then adds `added` and waits for it to be filed. */
  async function personPageThen(added: string) {
    document.body.innerHTML = '<p>SP Vaid spoke to reporters.</p>';
    const opened = await openWith((page) => ({ display: DEFAULT_DISPLAY, found: background(page) }));
    expect(opened.scanned).toEqual([]);
    const later = document.createElement('p');
    later.textContent = added;
    document.body.append(later);
    await until(() => opened.filed.length === 1);
    return opened;
  }

  it('reads a page whose glance named only a person whole, once a group arrives: the person is marked then', async () => {
    const { scanned, filed, spotter } = await personPageThen('The Islamic State claimed the attack.');
    expect(drawn('group')).toEqual(['Islamic State']);
    expect(drawn('actor')).toEqual(['SP Vaid']);
    expect(filed[0]!.entities.map((e) => e.id).sort()).toEqual(['group-is', 'person-vaid']);
    // The new paragraph, then the whole page once.
    expect(scanned.map((p) => p.text)).toEqual([
      'The Islamic State claimed the attack.',
      'SP Vaid spoke to reporters.The Islamic State claimed the attack.',
    ]);
    expect(spotter.getMarks()).toHaveLength(2);
  });

  it('reads a page never walked whole when an incident arrives through its place and date: the people on it count then', async () => {
    document.head.innerHTML = '<meta property="article:published_time" content="2017-11-18T09:30:00+05:30">';
    const { scanned, filed } = await personPageThen('Militants attacked a police party in Zakura on Friday.');
    expect(filed[0]!.incidents.map((i) => i.id)).toEqual(['incident-zakura-2017']);
    expect(drawn('actor')).toEqual(['SP Vaid']);
    expect(scanned).toHaveLength(2);
  });

  it('reads what the page adds while the background answers its opening', async () => {
    document.body.innerHTML = '<p>Rain in the hills.</p>';
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const run = openWith(async (page) => {
      await answered;
      return { display: DEFAULT_DISPLAY, found: background(page) };
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const later = document.createElement('p');
    later.textContent = 'The Islamic State claimed the attack.';
    document.body.append(later);
    // Let the observer see the addition before the answer comes.
    await new Promise((resolve) => setTimeout(resolve, 0));
    answer();
    const { filed } = await run;
    await until(() => filed.length === 1);
    expect(drawn('group')).toEqual(['Islamic State']);
  });

  it('draws and files nothing more once stopped while a pass waits for the background', async () => {
    document.head.innerHTML = '<meta property="article:published_time" content="2017-11-18T09:30:00+05:30">';
    document.body.innerHTML = '<p>Rain in the hills.</p>';
    const stop = new AbortController();
    const filed: PageFindings[] = [];
    let scans = 0;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const spotter = new Spotter(
      document,
      {
        openPage: async (page) => ({ display: DEFAULT_DISPLAY, found: background(page) }),
        scanText: async (page) => {
          scans++;
          await held;
          return service.scan(page);
        },
        scanWithDate: async () => ({ resend: true }),
        reportPage: async (f) => {
          filed.push(f);
        },
      },
      stop.signal,
    );
    await spotter.ready;
    const later = document.createElement('p');
    later.textContent =
      'Militants attacked a police party in the Zakura area on Friday; the Islamic State claimed it.';
    document.body.append(later);
    await until(() => scans === 1);
    stop.abort();
    release();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(filed).toEqual([]);
    expect(registry.size).toBe(0);
    expect(spotter.getMarks()).toEqual([]);
  });

  it('reads the visible text when a name ends one block and the next begins without a space', async () => {
    // textContent reads "…by Islamic StatePolice said…": the look still sees the name.
    document.body.innerHTML = '<h1>Attack claimed by Islamic State</h1><p>Police said nothing.</p>';
    const { scanned } = await openWith((page) => ({ display: DEFAULT_DISPLAY, found: background(page) }));
    expect(scanned).toHaveLength(1);
    expect(drawn('group')).toEqual(['Islamic State']);
  });

  it(
    'opens a page too long to look at with its visible text, in parts short enough to send without a long task',
    { timeout: 30_000 },
    async () => {
      const paragraph = '<p>The Islamic State claimed it through Amaq. '.concat(
        'Words of a long report. '.repeat(400),
        '</p>',
      );
      document.body.innerHTML = paragraph.repeat(Math.ceil(MAX_GLANCE / 9600) + 1);
      expect(document.body.textContent!.length).toBeGreaterThan(MAX_GLANCE);
      const { opened, scanned, report } = await openWith((page) => ({
        display: DEFAULT_DISPLAY,
        found: background(page),
      }));
      expect(opened.map((o) => o.glance)).toEqual([false]);
      // The first part opens the page; the rest follow, each a part.
      const sent = [opened[0]!.text, ...scanned.map((p) => p.text)];
      expect(sent.join('')).toBe(document.body.textContent);
      expect(Math.max(...sent.map((t) => t.length))).toBeLessThanOrEqual(MAX_PART);
      expect(report?.timing.glanced).toBe(0);
      expect(report?.entities.map((e) => e.id).sort()).toEqual(['group-is', 'media-amaq']);
    },
  );

  it('marks nothing and reports nothing where the background says ClaimLens is paused', async () => {
    document.body.innerHTML = ARTICLE_PAGE;
    const { opened, scanned, report } = await openWith(() => ({ display: null, found: null }));
    expect(opened).toHaveLength(1);
    expect(scanned).toEqual([]);
    expect(drawn('group')).toEqual([]);
    expect(report).toBeNull();
  });

  it('reads only the article again when the reader marks only the article, and marks only there', async () => {
    document.body.innerHTML = ARTICLE_PAGE;
    const articleOnly: DisplaySettings = { ...DEFAULT_DISPLAY, scope: 'article' };
    const { opened, scanned } = await openWith(() => ({ display: articleOnly, found: null }));
    expect(opened.map((o) => o.scope)).toEqual(['page']);
    expect(scanned.map((p) => p.text)).toEqual(['The Islamic State claimed it through Amaq.']);
    expect(drawn('group')).toEqual(['Islamic State', 'Amaq']);
  });

  it('looks at the article only when it already knows the reader marks only the article', async () => {
    document.body.innerHTML = ARTICLE_PAGE;
    const articleOnly: DisplaySettings = { ...DEFAULT_DISPLAY, scope: 'article' };
    const { opened, scanned } = await openWith(
      (page) => ({ display: articleOnly, found: background(page) }),
      articleOnly,
    );
    expect(opened).toEqual([
      { text: 'The Islamic State claimed it through Amaq.', glance: true, scope: 'article' },
    ]);
    expect(scanned.map((p) => p.text)).toEqual(['The Islamic State claimed it through Amaq.']);
    expect(drawn('group')).toEqual(['Islamic State', 'Amaq']);
  });

  it('opens an empty page too (its notes, whether it is paused), and reads its text as it arrives', async () => {
    const { opened, filed } = await openWith((page) => ({
      display: DEFAULT_DISPLAY,
      found: background(page),
    }));
    expect(opened).toEqual([{ text: '', glance: true, scope: 'page' }]);
    const later = document.createElement('p');
    later.textContent = 'The Islamic State claimed the attack.';
    document.body.append(later);
    await until(() => filed.length === 1);
    expect(drawn('group')).toEqual(['Islamic State']);
  });
});

async function until(done: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the spotter on pages that never sit still', () => {
  /** A spotter told to read at once, matched with the test pack; counts what it sends. */
  async function countingSpotter() {
    const matcher = matcherFor(testPack());
    const sent: PageText[] = [];
    const filed: PageFindings[] = [];
    const spotter = new Spotter(
      document,
      {
        openPage: async () => ({ display: DEFAULT_DISPLAY, found: { readText: true } }),
        scanText: async (page) => {
          sent.push(page);
          return matcher.match(page);
        },
        scanWithDate: async () => ({ resend: true }),
        reportPage: async (findings) => {
          filed.push(findings);
        },
      },
      pageSignal(),
    );
    await spotter.ready;
    return { spotter, sent, filed };
  }

  it(
    'reads two thousand paragraphs added in one task in one message, and marks every name in them',
    { timeout: 30_000 },
    async () => {
      document.body.innerHTML = '<main id="feed"><p>The Islamic State claimed it.</p></main>';
      const { spotter, sent } = await countingSpotter();
      const before = sent.length;
      const feed = document.getElementById('feed')!;
      for (let i = 0; i < 1000; i++) {
        const p = document.createElement('p');
        p.textContent = i % 10 === 0 ? `Story ${i}: Amaq reported it.` : `Story ${i}: rain in the hills.`;
        feed.append(p);
      }
      await until(() => spotter.getMarks().length === 101, 20_000);
      expect(sent.length - before).toBe(1);
      expect(drawn('group').filter((t) => t === 'Amaq')).toHaveLength(100);
      // In reading order, the new ones after the first.
      expect(spotter.getMarks()[0]!.range.toString()).toBe('Islamic State');
    },
  );

  it(
    'keeps the marks of a list re-rendered without keys: the same text in new nodes is marked before the page is drawn, with no message',
    { timeout: 30_000 },
    async () => {
      const stories = ['Amaq reported the raid.', 'Rain in the hills.', 'The Islamic State denied it.'];
      const render = (shift: number) => {
        document.getElementById('list')!.innerHTML = stories
          .map((_, i) => `<li>${stories[(i + shift) % stories.length]}</li>`)
          .join('');
      };
      document.body.innerHTML = '<ul id="list"></ul>';
      render(0);
      const { spotter, sent } = await countingSpotter();
      expect(drawn('group').sort()).toEqual(['Amaq', 'Islamic State']);
      const before = sent.length;
      const passes = () => spotter.report()!.timing.totalMs;
      const firstPass = passes();
      for (let shift = 1; shift <= 6; shift++) {
        render(shift);
        // The observer has run (a microtask), no timer has: what the page would draw now.
        await Promise.resolve();
        expect(drawn('group').sort()).toEqual(['Amaq', 'Islamic State']);
        expect(
          spotter
            .getMarks()
            .map((m) => m.range.toString())
            .sort(),
        ).toEqual(['Amaq', 'Islamic State']);
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      // The marks point into the list as it is now.
      await until(() => spotter.getMarks().every((m) => m.range.startContainer.isConnected), 20_000);
      // Once the spotter has read the re-rendered list (a pass is done): text the background judged
      // before is not sent again, at most the first re-render's new nodes.
      await until(() => passes() > firstPass, 20_000);
      expect(sent.length - before).toBeLessThanOrEqual(1);
    },
  );

  it('sends no message per edit for a ticker that names nothing', { timeout: 30_000 }, async () => {
    document.body.innerHTML = '<p>Markets: <span id="ticker">0</span></p>';
    const { sent } = await countingSpotter();
    const text = document.getElementById('ticker')!.firstChild as Text;
    const before = sent.length;
    const edits = 300;
    for (let edit = 0; edit < edits; edit++) {
      text.data = `${(1000 + Math.sin(edit) * 20).toFixed(2)} at ${performance.now().toFixed(1)}`;
      // Each edit in a task of its own, as a ticker's timer makes them.
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect(sent.length - before).toBeLessThan(edits / 20);
  });
});
