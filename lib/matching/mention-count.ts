/**
 * Which mentions the page counts, once the background has found them: the page's own rules, kept
 * apart from the matching code so that the content script carries none of it.
 */

/**
 * The mentions that count on a page: visible ones, and guarded ones ("IS", "Isis") only for an entity
 * the page also names plainly ("Islamic State", "ISIS"), or whose `contextOf` it names plainly (the
 * outfits related to it: "Jaish" beside a front of Jaish-e-Mohammed).
 */
export function countedMentions<T extends { guarded: boolean; visible: boolean }>(
  mentions: readonly T[],
  ownerOf: (mention: T) => string,
  contextOf: (mention: T) => readonly string[] | undefined = () => undefined,
): T[] {
  const plainly = new Set(mentions.filter((m) => !m.guarded && m.visible).map(ownerOf));
  return mentions.filter(
    (m) =>
      m.visible &&
      (!m.guarded || plainly.has(ownerOf(m)) || (contextOf(m)?.some((id) => plainly.has(id)) ?? false)),
  );
}

/**
 * People and organisations are context for claims (who spoke, who was named): they count only on a
 * page that also names a group (or its media arm) or an incident. A page about an election that
 * names a head of state, or a crime report that names a police force, is left unmarked.
 */
export function withTopic<T>(
  counted: readonly T[],
  kindOf: (mention: T) => string,
  hasIncident: boolean,
): T[] {
  const topical = hasIncident || counted.some((m) => TOPIC_KINDS.has(kindOf(m)));
  return topical ? [...counted] : counted.filter((m) => !ACTOR_KINDS.has(kindOf(m)));
}

/** Kinds a page can be about: groups and their media arms. */
export const TOPIC_KINDS: ReadonlySet<string> = new Set(['group', 'media']);
/** Kinds that are context, never the topic: people and organisations. */
export const ACTOR_KINDS: ReadonlySet<string> = new Set(['person', 'organization']);
