/**
 * The background's share of reading a page, for `npm run bench`: matching a page's text and
 * resolving its incidents (TextMatcher.match), timed in Node on the same inputs the browser bench uses.
 */
import { KnowledgeService } from '../knowledge/knowledge-service';
import type { KnowledgePack } from '../knowledge/pack-types';
import type { PageText } from '../matching/text-matcher';
import { median } from './stats';

const BLOCK = /<\/?(?:p|h[1-6]|li|div|article|header|footer|nav|main|aside|section|ul|ol|title)\b[^>]*>/gi;

/**
 * A page's visible text as the page sends it: the body's text with a break where each block starts,
 * scripts and styles left out, and the declared date from its `article:published_time` meta tag.
 */
export function pageTextOf(html: string): PageText {
  const published = /property="article:published_time" content="([^"]+)"/.exec(html)?.[1];
  const body = html
    .replace(/<head>[\s\S]*?<\/head>/i, '')
    .replace(/<(script|style|template|noscript)\b[\s\S]*?<\/\1>/gi, '');
  let text = '';
  const breaks: number[] = [];
  for (const part of body.split(BLOCK)) {
    const chunk = decode(part.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ');
    if (chunk.trim() === '') continue;
    if (text.length > 0) breaks.push(text.length);
    text += chunk;
  }
  return { text, breaks, declaredDate: published };
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

export interface BackgroundTiming {
  /** Median milliseconds of one match-and-resolve, the matcher already compiled and warm. */
  medianMs: number;
  incidents: number;
  mentions: number;
}

/** Times `match` on `page` over `runs` runs after two warm-up runs. */
export function timeBackgroundMatch(packs: KnowledgePack[], page: PageText, runs: number): BackgroundTiming {
  const service = new KnowledgeService(packs);
  let result = service.scan(page);
  result = service.scan(page);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = service.scan(page);
    times.push(performance.now() - start);
  }
  return {
    medianMs: Math.round(median(times) * 100) / 100,
    incidents: result.incidents.length,
    mentions: result.mentions.length,
  };
}
