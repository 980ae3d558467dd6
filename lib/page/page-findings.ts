/**
 * What a page found, as the toolbar badge and the popup show it (`PageFindings`), counted from its
 * mentions by the page's own rules (lib/matching/mention-count.ts). Pure: the page counts what it drew
 * with it, and the background counts what it answered a page with it (`AnsweredFindings`) and files
 * that for the badge, so a page that drew what it was answered sends no report of its own.
 */
import { countedMentions, withTopic } from '../matching/mention-count';
import type { IncidentMatch } from '../matching/incident-linker';
import type { TextMatches, TextMention } from '../matching/text-matcher';
import { isKindMarked, type DisplaySettings } from '../display-settings';
import type { PageFindings } from '../messaging';

/** A mention as the page holds it: what the background found, and the words as read. */
export interface CountableMention {
  found: TextMention;
  /** The words as read (what the badge and the popup list). */
  text: string;
  guarded: boolean;
  visible: boolean;
}

/** An incident the page names, with the words of its marks. */
export interface NamedIncident {
  match: IncidentMatch;
  words: readonly string[];
}

/** What is marked, in order: the mentions that count (visible, guarded ones backed), people only beside a topic. */
export function countedOnPage<T extends CountableMention>(mentions: readonly T[], hasIncident: boolean): T[] {
  return withTopic(
    countedMentions(
      mentions,
      (m) => m.found.targetId,
      (m) => m.found.context,
    ),
    (m) => m.found.kind,
    hasIncident,
  );
}

/**
 * The findings of `counted` mentions (see `countedOnPage`) and the incidents that still have words on
 * the page, as the reader chose them marked (places are context: listed, never marked).
 */
export function findingsOf(
  counted: readonly CountableMention[],
  incidents: readonly NamedIncident[],
  published: string | undefined,
  display: Pick<DisplaySettings, 'kinds'>,
): Omit<PageFindings, 'url'> {
  const byId = new Map<string, { found: TextMention; aliases: Set<string>; mentions: number }>();
  for (const { found, text } of counted) {
    // What the reader chose not to mark is not reported either (badge, popup); places are context.
    if (found.type !== 'entity' || (found.kind !== 'place' && !isKindMarked(display, found.kind))) continue;
    const entry = byId.get(found.targetId) ?? { found, aliases: new Set<string>(), mentions: 0 };
    entry.aliases.add(text);
    entry.mentions++;
    byId.set(found.targetId, entry);
  }
  const shown = display.kinds.includes('incident') ? incidents.filter((i) => i.words.length > 0) : [];
  return {
    published,
    entities: [...byId.values()].map((e) => ({
      id: e.found.targetId,
      name: e.found.name,
      kind: e.found.kind,
      aliases: [...e.aliases],
      mentions: e.mentions,
    })),
    incidents: shown.map(({ match, words }) => ({
      id: match.id,
      name: match.name,
      aliases: [...new Set(words)],
      confidence: match.confidence,
      why: match.why,
      competingClaimants: match.competingClaimants,
    })),
  };
}

/**
 * What a page is on file for, to compare what it shows with what the background holds: undefined when
 * it found nothing (as the background takes a page to have found as it opens), else its findings as
 * JSON (its address left out: the background takes that from the browser).
 */
export function filingOf(findings: Omit<PageFindings, 'url'>): string | undefined {
  if (findings.entities.length === 0 && findings.incidents.length === 0) return undefined;
  return JSON.stringify([findings.published, findings.entities, findings.incidents]);
}

/**
 * Everything one page was answered (`openPage`, `scanText`, `scanWithDate`), in order, counted as the
 * page counts what it draws when it draws all of it: what the background files for the badge, and
 * what the page compares what it shows with. They differ only when the page did not draw what it was
 * answered (text hidden by CSS, gone before it was drawn, removed since, or marked from what was
 * answered before without a message); the page then sends its own findings (`reportPage`).
 */
export class AnsweredFindings {
  private readonly mentions: CountableMention[] = [];
  private readonly incidents = new Map<string, { match: IncidentMatch; words: string[] }>();
  private published?: string;

  /** One answer: the matches in `text`, the text sent. */
  add(matches: Pick<TextMatches, 'mentions' | 'incidents' | 'published'>, text: string): void {
    this.published ??= matches.published;
    const words = matches.mentions.map((m) => text.slice(m.start, m.end));
    matches.mentions.forEach((found, i) =>
      this.mentions.push({ found, text: words[i]!, guarded: found.guarded, visible: true }),
    );
    for (const match of matches.incidents) {
      const found = match.mentions.map((i) => words[i]).filter((w): w is string => w !== undefined);
      const known = this.incidents.get(match.id);
      if (!known) this.incidents.set(match.id, { match, words: found });
      else {
        known.words.push(...found);
        if (match.confidence > known.match.confidence) known.match = match;
      }
    }
  }

  /** What it all comes to, with what the reader marks. */
  findings(display: Pick<DisplaySettings, 'kinds'>): Omit<PageFindings, 'url'> {
    const incidents = [...this.incidents.values()];
    const counted = countedOnPage(
      this.mentions,
      incidents.some((i) => i.words.length > 0),
    );
    return findingsOf(counted, incidents, this.published, display);
  }
}
