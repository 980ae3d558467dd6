import { describe, expect, it } from 'vitest';
import { eventWordsIn, eventWordsIndexed } from '../../../lib/matching/event-vocabulary';
import { foldText } from '../../../lib/matching/normalise';

/** Where each word of a padded folded text starts (at the space before it). */
function indexOf(padded: string): Map<string, number[]> {
  const index = new Map<string, number[]>();
  for (let at = 0; at < padded.length - 1;) {
    const end = padded.indexOf(' ', at + 1);
    if (end < 0) break;
    const word = padded.slice(at + 1, end);
    index.set(word, [...(index.get(word) ?? []), at]);
    at = end;
  }
  return index;
}

describe('event words in an article', () => {
  const article = foldText(
    'Gunmen stormed the market at dawn. A suicide bomber then struck the gate, and a second suicide ' +
      'attack followed; officials said the attackers had planned the assault for weeks.',
  );

  it('finds single words and phrases, each once, in the order the article first uses them', () => {
    expect(eventWordsIn(article).map((w) => w.text)).toEqual([
      'gunmen',
      'stormed',
      'suicide',
      'suicide bomber',
      'suicide attack',
      // "attack" inside "suicide attack" counts too: its word starts there.
      'attack',
      'attackers',
      'assault',
    ]);
  });

  it('reads the same words in the same order from an index of the article’s words', () => {
    const padded = ` ${article} `;
    const index = indexOf(padded);
    expect(eventWordsIndexed(padded, (word) => index.get(word))).toEqual(eventWordsIn(article));
  });

  it('takes no word for part of a longer one, from the index as from the text', () => {
    const text = foldText('The attackeres and the suicidebomber were a spelling test, not an event.');
    const index = indexOf(` ${text} `);
    expect(eventWordsIn(text)).toEqual([]);
    expect(eventWordsIndexed(` ${text} `, (word) => index.get(word))).toEqual([]);
  });
});

describe('event words in other languages', () => {
  /** The kinds the event words of a sentence name, each once, sorted. */
  const kindsIn = (sentence: string) =>
    [...new Set(eventWordsIn(foldText(sentence)).flatMap((w) => w.kinds))].sort();
  const anyEvent = (sentence: string) => eventWordsIn(foldText(sentence)).length > 0;

  it('reads French reports, with or without accents', () => {
    expect(kindsIn('Un homme a ouvert le feu sur la plage et a tué des dizaines de vacanciers.')).toEqual([
      'shooting',
    ]);
    expect(anyEvent('Un etudiant a tue 38 touristes pres de la station balneaire.')).toBe(true);
    expect(kindsIn("Une prise d'otage a suivi l'explosion de deux voitures.")).toEqual([
      'bombing',
      'hostage-taking',
    ]);
  });

  it('reads Spanish and Portuguese reports', () => {
    expect(anyEvent('Varios hombres atacaron la residencia de estudiantes al amanecer.')).toBe(true);
    expect(kindsIn('Hombres armados abrieron fuego contra los alumnos.')).toEqual([
      'armed-assault',
      'shooting',
    ]);
    expect(kindsIn('Un coche bomba dejó decenas de heridos.')).toEqual(['bombing', 'vehicle-bombing']);
    expect(kindsIn('Homens armados atacaram a vila e mataram onze pessoas.')).toEqual(['armed-assault']);
    expect(kindsIn('As explosões deixaram dezenas de feridos.')).toEqual(['bombing']);
  });

  it('reads German reports', () => {
    expect(anyEvent('Bei dem Anschlag wurden mindestens zwanzig Menschen getötet.')).toBe(true);
    expect(kindsIn('Zwei Explosionen erschütterten die Gedenkfeier.')).toEqual(['bombing']);
    expect(kindsIn('Ein Selbstmordattentäter zündete seinen Sprengstoffgürtel.')).toEqual([
      'suicide-bombing',
    ]);
    expect(kindsIn('Bewaffnete nahmen Geiseln in dem Hotel.')).toEqual(['armed-assault', 'hostage-taking']);
    expect(anyEvent('Der Trainer lobte die Mannschaft nach dem ersten Sieg.')).toBe(false);
  });

  it('reads Hindi reports, whether or not the writer puts the nukta', () => {
    expect(anyEvent('सेना के शिविर पर आतंकियों ने धावा बोला, कई जवान शहीद हुए।')).toBe(true);
    expect(kindsIn('सेना के शिविर पर आतंकियों ने धावा बोला।')).toEqual(['armed-assault']);
    expect(kindsIn('बाजार में बम धमाकों के बाद कई लोग घायल हुए।')).toEqual(['bombing']);
    // "फ़ायरिंग" with the nukta, "मुठभेड़" with the nukta built into one character (U+095C).
    expect(kindsIn('देर रात फ़ायरिंग शुरू हुई।')).toEqual(['shooting']);
    expect(anyEvent('गांव के पास मुठभे\u095c जारी है।')).toBe(true);
  });

  it('reads Urdu and Arabic reports', () => {
    expect(kindsIn('مسجد میں خودکش دھماکا، درجنوں افراد جاں بحق ہوگئے۔')).toEqual([
      'bombing',
      'suicide-bombing',
    ]);
    expect(anyEvent('فائرنگ سے دو اہلکار زخمی ہوئے۔')).toBe(true);
    expect(kindsIn('فجر رجل يرتدي حزاما ناسفا نفسه أمام الكنيسة.')).toEqual(['suicide-bombing']);
    expect(kindsIn('قتل عشرة أشخاص في تفجير انتحاري استهدف سوقا.')).toEqual([
      'assassination',
      'bombing',
      'suicide-bombing',
    ]);
  });

  it('takes no sports or everyday word for an event', () => {
    for (const sentence of [
      'El delantero probó con dos disparos a puerta y ganó el tercer asalto del combate.',
      'Le club reste à Nice, où le tireur du penalty est né; son jeu est explosivo, disent les Argentins.',
      'उसकी पतंग आसमान में दूर तक उड़ी।',
      'طعن المحامي في الحكم أمام المحكمة العليا.',
    ])
      expect(eventWordsIn(foldText(sentence))).toEqual([]);
  });
});
