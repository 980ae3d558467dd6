/**
 * The words reports use for kinds of violent event, in English, French, Portuguese, Spanish, Hindi and
 * Urdu: each word says which kinds of event it names (none: a word for an attack of any kind).
 */
import type { EventKind } from '../knowledge/pack-types';
import { foldText } from './normalise';

/** Words for an attack of any kind ("attack", "attentat", "हमला"): evidence of an event, not of its kind. */
const GENERIC = [
  'attack',
  'attacks',
  'attacked',
  'attacker',
  'attackers',
  'assault',
  'terror attack',
  'terrorist attack',
  'terror strike',
  'militants',
  'terrorists',
  'killed',
  'dead',
  'encounter',
  'gunfight',
  'firefight',
  'clash',
  'raid',
  'operation',
  'suicide',
  'fired',
  // French
  'attentat',
  'attentats',
  'attaque',
  'attaques',
  'attaqué',
  'terroriste',
  'tués',
  'morts',
  // Portuguese, Spanish
  'ataque',
  'ataques',
  'atentado',
  'atentados',
  'terrorista',
  'mortos',
  'muertos',
  // Hindi
  'हमला',
  'हमले',
  'हमलों',
  'आतंकी हमला',
  'आतंकवादी',
  'आतंकी',
  'मुठभेड़',
  // Urdu
  'حملہ',
  'حملے',
  'دہشت گرد',
  'دہشتگردی',
  'ہلاک',
];

const KINDS: Record<EventKind, string[]> = {
  bombing: [
    'bomb',
    'bombs',
    'bombing',
    'bombings',
    'bombed',
    'blast',
    'blasts',
    'explosion',
    'explosions',
    'exploded',
    'explosive',
    'explosives',
    'ied',
    'bombe',
    'explosif',
    'bomba',
    'bombas',
    'explosão',
    'explosion',
    'धमाका',
    'धमाके',
    'विस्फोट',
    'बम',
    'دھماکہ',
    'دھماکے',
    'بم',
  ],
  'suicide-bombing': [
    'suicide bomber',
    'suicide bombers',
    'suicide bombing',
    'suicide bombings',
    'suicide attack',
    'suicide attacker',
    'blew himself up',
    'blew herself up',
    'blew themselves up',
    'kamikaze',
    'attentat suicide',
    'homem bomba',
    'homem-bomba',
    'आत्मघाती',
    'خودکش',
  ],
  'vehicle-bombing': [
    'car bomb',
    'car bombing',
    'truck bomb',
    'truck bombing',
    'vehicle borne',
    'vbied',
    'explosive laden',
    'voiture piegee',
    'carro bomba',
  ],
  'grenade-attack': ['grenade', 'grenades', 'hurled', 'lobbed', 'ग्रेनेड', 'دستی بم'],
  shooting: [
    'shooting',
    'shootings',
    'shot',
    'shot dead',
    'gunfire',
    'opened fire',
    'gunman',
    'gunmen',
    'firing',
    'rifles',
    'fusillade',
    'tirs',
    'tiroteio',
    'tiros',
    'गोलीबारी',
    'फायरिंग',
    'فائرنگ',
  ],
  stabbing: [
    'stabbed',
    'stabbing',
    'knife',
    'machete',
    'machetes',
    'hacked',
    'cleavers',
    'couteau',
    'poignardé',
    'facada',
    'चाकू',
  ],
  'vehicle-ramming': [
    'truck attack',
    'lorry',
    'ran over',
    'ploughed',
    'plowed',
    'rammed',
    'ramming',
    'drove a truck',
    'camion',
    'caminhão',
    'ट्रक',
  ],
  'armed-assault': [
    'stormed',
    'storming',
    'gunmen',
    'assailants',
    'commando',
    'fidayeen',
    'armed men',
    'assaillants',
    'hommes armés',
    'homens armados',
    'बंदूकधारी',
    'مسلح',
  ],
  ambush: ['ambush', 'ambushed', 'ambushes', 'embuscade', 'emboscada', 'घात', 'घात लगाकर'],
  'hostage-taking': [
    'hostage',
    'hostages',
    'held captive',
    'otage',
    'otages',
    'prise d otages',
    'refém',
    'reféns',
    'बंधक',
    'یرغمال',
  ],
  siege: ['siege', 'standoff', 'stand off', 'besieged', 'holed up', 'cerco'],
  massacre: ['massacre', 'massacred', 'carnage', 'slaughter', 'chacina', 'नरसंहार', 'قتل عام'],
  kidnapping: [
    'kidnapped',
    'kidnapping',
    'abducted',
    'abduction',
    'enlèvement',
    'enlevées',
    'sequestro',
    'sequestradas',
    'अपहरण',
    'اغوا',
  ],
  assassination: [
    'assassinated',
    'assassination',
    'murder',
    'murdered',
    'hacked to death',
    'killing of',
    'assassinat',
    'assassinato',
    'हत्या',
    'قتل',
  ],
  'aircraft-bombing': [
    'plane',
    'airliner',
    'aircraft',
    'flight',
    'crash',
    'crashed',
    'brought down',
    'downed',
    'avion',
    'avião',
    'विमान',
    'طیارہ',
  ],
  'rocket-attack': ['rocket', 'rockets', 'roquette', 'foguete'],
  'missile-attack': ['missile', 'missiles'],
  'drone-attack': ['drone', 'drones'],
  arson: ['arson', 'set on fire', 'torched', 'set ablaze', 'incendie'],
};

export interface EventWord {
  /** Folded, as matched. */
  folded: string;
  /** As listed. */
  text: string;
  kinds: EventKind[];
}

function build(): EventWord[] {
  const byWord = new Map<string, EventWord>();
  const add = (text: string, kind?: EventKind) => {
    const folded = foldText(text);
    if (folded === '') return;
    const word = byWord.get(folded) ?? { folded, text, kinds: [] };
    if (kind && !word.kinds.includes(kind)) word.kinds.push(kind);
    byWord.set(folded, word);
  };
  for (const text of GENERIC) add(text);
  for (const [kind, words] of Object.entries(KINDS) as [EventKind, string[]][])
    for (const text of words) add(text, kind);
  return [...byWord.values()];
}

/** Every event word, each once. */
export const EVENT_WORDS: readonly EventWord[] = build();

/** The first word of each event word, in EVENT_WORDS' order. */
const FIRST_WORDS = EVENT_WORDS.map((word) => word.folded.split(' ')[0]!);

/** Event words by their first word, for one pass over a text's words. */
const BY_FIRST_WORD = new Map<string, EventWord[]>();
for (const word of EVENT_WORDS) {
  const first = word.folded.split(' ')[0]!;
  const list = BY_FIRST_WORD.get(first) ?? [];
  list.push(word);
  BY_FIRST_WORD.set(first, list);
}

/**
 * What `eventWordsIn` finds in a long folded text, in the same order, from an index of its words
 * (`startsOf`: where a word starts in `padded`, at the space before it): each event word is looked up
 * instead of each word of the text.
 */
export function eventWordsIndexed(
  padded: string,
  startsOf: (word: string) => readonly number[] | undefined,
): EventWord[] {
  const found: { word: EventWord; at: number; order: number }[] = [];
  EVENT_WORDS.forEach((word, order) => {
    const starts = startsOf(FIRST_WORDS[order]!);
    if (!starts) return;
    const phrase = ` ${word.folded} `;
    const at = starts.find((start) => padded.startsWith(phrase, start));
    if (at !== undefined) found.push({ word, at, order });
  });
  // As eventWordsIn adds them: by where each first appears, then in the list's order.
  return found.sort((a, b) => a.at - b.at || a.order - b.order).map((f) => f.word);
}

/** The event words found in folded text (`foldText`), with `extra` words (an incident's own) too. */
export function eventWordsIn(folded: string, extra: readonly string[] = []): EventWord[] {
  const padded = ` ${folded} `;
  const found = new Set<EventWord>();
  let at = 0;
  while (at < folded.length) {
    let end = folded.indexOf(' ', at);
    if (end < 0) end = folded.length;
    const list = BY_FIRST_WORD.get(folded.slice(at, end));
    if (list)
      for (const word of list)
        if (!found.has(word) && folded.startsWith(word.folded, at)) {
          const after = folded.charCodeAt(at + word.folded.length);
          if (Number.isNaN(after) || after === 0x20) found.add(word);
        }
    at = end + 1;
  }
  const result = [...found];
  for (const text of extra) {
    const f = foldText(text);
    if (f && padded.includes(` ${f} `)) result.push({ folded: f, text, kinds: [] });
  }
  return result;
}
