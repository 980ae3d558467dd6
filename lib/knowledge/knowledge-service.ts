/**
 * The background's view of the knowledge: the enabled packs validated, indexed and compiled once,
 * then served to every page until the packs change.
 */
import { KnowledgeBase } from './knowledge-base';
import type { Card } from './cards';
import type { KnowledgePack } from './pack-types';
import { formatProblems, validatePack } from './pack-validator';
import { compileMatcher, type MatcherBundle } from '../matching/matcher-bundle';
import { TextMatcher, type PageText, type TextMatches } from '../matching/text-matcher';
import { PageGlance } from '../matching/glance';
import type { ReadText } from '../messaging';

export class KnowledgeService {
  readonly kb: KnowledgeBase;
  private matcher?: TextMatcher;
  private compiled?: MatcherBundle;
  private glance?: PageGlance;

  /**
   * `packs` already passed the validator (see `validated`). `compiled`: the matcher compiled earlier
   * from these very packs, kept across worker restarts. `labels`: how cards name each pack.
   */
  constructor(packs: readonly KnowledgePack[], compiled?: MatcherBundle, labels?: readonly string[]) {
    this.kb = new KnowledgeBase(packs, labels);
    this.compiled = compiled;
  }

  /** Throws with every problem listed when a pack is invalid: a broken pack never half-loads. */
  static validated(packs: readonly unknown[]): KnowledgeService {
    return new KnowledgeService(
      packs.map((pack, i) => {
        const result = validatePack(pack);
        if (!result.ok) throw new Error(`pack ${i} is invalid:\n${formatProblems(result.problems)}`);
        return result.pack;
      }),
    );
  }

  /** Compiled on first use (unless given), then reused for every page. */
  getMatcher(): TextMatcher {
    this.matcher ??= new TextMatcher(this.kb, this.bundle());
    return this.matcher;
  }

  /** The compiled matcher, as plain data that can be stored. */
  bundle(): MatcherBundle {
    this.compiled ??= compileMatcher(this.kb);
    return this.compiled;
  }

  /** The known names and incidents in a page's text. */
  scan(page: PageText): TextMatches {
    return this.getMatcher().match(page);
  }

  /**
   * The answer to a page's first look (its `textContent`): `readText` if it may name anything (with
   * the edges the page checks first, if any), and the page then reads its visible text and sends it;
   * else no matches, and the page is done.
   */
  glanceAt(glance: string): TextMatches | ReadText {
    this.glance ??= new PageGlance(this.kb);
    const verdict = this.glance.look(glance);
    if (!verdict.read) return { mentions: [], incidents: [] };
    return verdict.edges ? { readText: true, edges: verdict.edges } : { readText: true };
  }

  /** Every name and alias of every entity and incident, as written in the packs. */
  aliasTexts(): string[] {
    const texts: string[] = [];
    for (const item of [...this.kb.entities.values(), ...this.kb.incidents.values()]) {
      texts.push(item.name);
      for (const alias of item.aliases ?? []) texts.push(typeof alias === 'string' ? alias : alias.text);
    }
    return texts;
  }

  getCards(ids: readonly string[]): Card[] {
    const cards: Card[] = [];
    for (const id of ids) {
      const card = this.kb.incidentCard(id) ?? this.kb.entityCard(id);
      if (card) cards.push(card);
    }
    return cards;
  }
}
