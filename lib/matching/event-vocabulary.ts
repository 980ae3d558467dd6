/**
 * The words reports use for kinds of violent event, in English, French, Spanish, Portuguese, German, Hindi,
 * Urdu and Arabic: each word says which kinds of event it names (none: a word for an attack of any kind).
 * Words are folded as pages are (`foldText`): accents and letter case do not matter ("tués" is "tues"),
 * an apostrophe is a space ("prise d'otages" is "prise d otages"), and Urdu and Arabic letter variants
 * are one ("حملہ" is "حملة"); but each inflection is a word of its own, so the forms reports use are listed.
 * A phrase counts only as whole words; a phrase whose first word is already listed adds nothing.
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
  'tué',
  'tuée',
  'tuées',
  'blessés',
  'blessées',
  'assaut',
  'assaillant',
  'djihadistes',
  'jihadistes',
  'terroristes',
  // Portuguese, Spanish
  'ataque',
  'ataques',
  'atentado',
  'atentados',
  'terrorista',
  'mortos',
  'muertos',
  // Spanish
  'atacaron',
  'atacó',
  'mataron',
  'asesinados',
  'asesinadas',
  'heridos',
  'terroristas',
  'yihadistas',
  // Portuguese
  'atacaram',
  'atacou',
  'matou',
  'mataram',
  'mortas',
  'assassinados',
  'assassinadas',
  'feridos',
  'jihadistas',
  // Hindi
  'हमला',
  'हमले',
  'हमलों',
  'आतंकी हमला',
  'आतंकवादी',
  'आतंकी',
  'मुठभेड़',
  'आतंकियों',
  'आतंकवादियों',
  'उग्रवादी',
  'उग्रवादियों',
  'हमलावर',
  'हमलावरों',
  'अटैक',
  'मारे गए',
  'मारे गये',
  'मार गिराया',
  'शहीद',
  'घायल',
  'जख्मी',
  'एनकाउंटर',
  'हत्याकांड',
  // Urdu
  'حملہ',
  'حملے',
  'دہشت گرد',
  'دہشتگردی',
  'ہلاک',
  'حملوں',
  'دہشت گردوں',
  'دہشتگرد',
  'دہشتگردوں',
  'عسکریت پسند',
  'عسکریت پسندوں',
  'شدت پسندوں',
  'جاں بحق',
  'ہلاکتیں',
  'زخمی',
  'شہید',
  // German
  'anschlag',
  'anschläge',
  'anschlags',
  'angriff',
  'angriffe',
  'angriffs',
  'terroranschlag',
  'terrorangriff',
  'getötet',
  'todesopfer',
  'toten',
  'terroristen',
  'terroristischen',
  // Arabic ("حملة" and "قتل" are the Urdu words above, folded alike)
  'هجوم',
  'هجمات',
  'هجوما',
  'اعتداء',
  'إرهابي',
  'إرهابية',
  'إرهابيون',
  'إرهابيين',
  'قتلى',
  'قتيل',
  'قتيلا',
  'مقتل',
  'جرحى',
];

const KINDS: Record<EventKind, string[]> = {
  bombing: [
    'bombe',
    'bomben',
    'bombenanschlag',
    'explosionen',
    'explodierte',
    'sprengsatz',
    'sprengstoff',
    'detonation',
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
    'bombes',
    'explosifs',
    'engin explosif',
    'explosiones',
    'explosivos',
    'explosões',
    'धमाका',
    'धमाके',
    'धमाकों',
    'ब्लास्ट',
    'विस्फोटक',
    'आईईडी',
    'विस्फोट',
    'बम',
    'دھماکہ',
    'دھماکے',
    'دھماکا',
    'دھماکوں',
    'بم',
    'انفجار',
    'انفجارات',
    'تفجير',
    'تفجيرات',
    'عبوة ناسفة',
  ],
  'suicide-bombing': [
    'selbstmordattentäter',
    'selbstmordanschlag',
    'selbstmordattentat',
    'sprengstoffgürtel',
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
    'kamikazes',
    'attentat suicide',
    'ceinture explosive',
    'atentado suicida',
    'ataque suicida',
    'terrorista suicida',
    'bombista suicida',
    'hombre bomba',
    'homem bomba',
    'homem-bomba',
    'आत्मघाती',
    'सुसाइड अटैक',
    'सुसाइड बॉम्बर',
    'خودکش',
    'خود کش',
    'انتحاري',
    'انتحارية',
    'حزام ناسف',
    'حزاما ناسفا',
  ],
  'vehicle-bombing': [
    'autobombe',
    'car bomb',
    'car bombing',
    'truck bomb',
    'truck bombing',
    'vehicle borne',
    'vbied',
    'explosive laden',
    'voiture piegee',
    'carro bomba',
    'coche bomba',
    'camión bomba',
    'سيارة مفخخة',
  ],
  'grenade-attack': [
    'granate',
    'granaten',
    'handgranate',
    'grenade',
    'grenades',
    'hurled',
    'lobbed',
    'granadas',
    'ग्रेनेड',
    'دستی بم',
    'گرینیڈ',
    'قنبلة يدوية',
  ],
  shooting: [
    'schüsse',
    'schüssen',
    'erschossen',
    'schießerei',
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
    'fusillades',
    'tirs',
    'coups de feu',
    'ouvert le feu',
    'tiroteo',
    'tiroteos',
    'abrieron fuego',
    'abrió fuego',
    'pistoleros',
    'tiroteio',
    'tiros',
    'abriram fogo',
    'atiradores',
    'गोलीबारी',
    'फायरिंग',
    'गोलियां',
    'गोलियाँ',
    'गोलियों',
    'गोली मारकर',
    'فائرنگ',
    'گولیاں',
    'إطلاق نار',
    'إطلاق النار',
  ],
  stabbing: [
    'messerangriff',
    'messerattacke',
    'erstochen',
    'stabbed',
    'stabbing',
    'knife',
    'machete',
    'machetes',
    'hacked',
    'cleavers',
    'couteau',
    'poignardé',
    'poignardée',
    'poignardés',
    'apuñalado',
    'apuñalada',
    'apuñalados',
    'cuchillo',
    'facada',
    'faca',
    'esfaqueado',
    'esfaqueada',
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
    'voiture bélier',
    'atropello',
    'atropelló',
    'caminhão',
    'atropelamento',
    'ट्रक',
    'دهس',
  ],
  'armed-assault': [
    'bewaffnete',
    'bewaffneten',
    'stürmten',
    'stormed',
    'storming',
    'gunmen',
    'assailants',
    'commando',
    'fidayeen',
    'armed men',
    'assaillants',
    'hommes armés',
    'hombres armados',
    'asaltantes',
    'homens armados',
    'बंदूकधारी',
    'बंदूकधारियों',
    'हथियारबंद',
    'फिदायीन',
    'फिदायिन',
    'धावा बोला',
    'مسلح',
    'مسلحون',
    'مسلحين',
    'اقتحام',
    'اقتحم',
  ],
  ambush: [
    'hinterhalt',
    'ambush',
    'ambushed',
    'ambushes',
    'embuscade',
    'emboscada',
    'घात',
    'घात लगाकर',
    'گھات',
    'كمين',
  ],
  'hostage-taking': [
    'geiseln',
    'geiselnahme',
    'hostage',
    'hostages',
    'held captive',
    'otage',
    'otages',
    'prise d otages',
    'prise d otage',
    'rehenes',
    'refém',
    'reféns',
    'बंधक',
    'یرغمال',
    'یرغمالی',
    'رهائن',
    'رهينة',
  ],
  siege: ['siege', 'standoff', 'stand off', 'besieged', 'holed up', 'cerco', 'محاصرہ'],
  massacre: [
    'massaker',
    'blutbad',
    'massacre',
    'massacred',
    'carnage',
    'slaughter',
    'tuerie',
    'masacre',
    'matanza',
    'chacina',
    'नरसंहार',
    'कत्लेआम',
    'قتل عام',
    'مجزرة',
    'مذبحة',
  ],
  kidnapping: [
    'entführt',
    'entführung',
    'verschleppt',
    'kidnapped',
    'kidnapping',
    'abducted',
    'abduction',
    'enlèvement',
    'enlèvements',
    'enlevées',
    'secuestro',
    'secuestrados',
    'secuestradas',
    'secuestraron',
    'sequestro',
    'sequestrados',
    'sequestradas',
    'sequestraram',
    'अपहरण',
    'اغوا',
    'اختطاف',
    'خطف',
  ],
  assassination: [
    'assassinated',
    'assassination',
    'murder',
    'murdered',
    'hacked to death',
    'killing of',
    'assassinat',
    'assassiné',
    'assassinée',
    'asesinato',
    'asesinado',
    'asesinada',
    'assassinato',
    'assassinado',
    'assassinada',
    'हत्या',
    'قتل',
    'ٹارگٹ کلنگ',
    'اغتيال',
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
  'rocket-attack': [
    'rakete',
    'raketen',
    'rocket',
    'rockets',
    'roquette',
    'roquettes',
    'cohetes',
    'foguete',
    'foguetes',
    'रॉकेट',
    'راکٹ',
    'صاروخ',
    'صواريخ',
  ],
  'missile-attack': ['missile', 'missiles', 'misil', 'misiles', 'míssil', 'mísseis', 'मिसाइल', 'میزائل'],
  'drone-attack': ['drohne', 'drohnen', 'drone', 'drones', 'ड्रोन', 'ڈرون', 'طائرة مسيرة', 'طائرات مسيرة'],
  arson: ['arson', 'set on fire', 'torched', 'set ablaze', 'incendie', 'आगजनी'],
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
