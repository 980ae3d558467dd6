import { describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../../lib/knowledge/knowledge-base';
import { validatePack } from '../../../lib/knowledge/pack-validator';
import { compileMatcher } from '../../../lib/matching/matcher-bundle';
import { TextMatcher } from '../../../lib/matching/text-matcher';
import { linkerPack } from '../../fixtures/linker-pack';
import { defaultPack } from '../../../lib/knowledge/default-pack';
import { testPack } from '../../fixtures/test-pack';

const kb = new KnowledgeBase([linkerPack()]);
const matcher = new TextMatcher(kb, compileMatcher(kb));
const everything = new TextMatcher(kb, compileMatcher(kb), { threshold: 0 });

/** Paragraphs of an article, as a page sends them: one block each. */
function read(paragraphs: string[], declaredDate?: string, m = matcher) {
  let text = '';
  const breaks: number[] = [];
  for (const p of paragraphs) {
    if (text) breaks.push(text.length);
    text += p;
  }
  return m.match({ text, breaks, declaredDate });
}
const ids = (r: ReturnType<typeof read>) => r.incidents.map((i) => i.id);
const confidenceOf = (r: ReturnType<typeof read>, id: string) =>
  r.incidents.find((i) => i.id === id)?.confidence ?? 0;

/** Paragraphs about nothing in particular, as long as an article's lead. */
const LEAD_FILLER = Array.from(
  { length: 12 },
  (_, i) =>
    `Paragraph ${i + 1} of the report describes the neighbourhood, its shops and the mood of residents, who spoke to reporters on the condition that their names be withheld.`,
);

describe('the incident linker', () => {
  it('finds an incident by one of its names, in any language', () => {
    expect(ids(read(['Trial opens over the Aurora Hall massacre.']))).toEqual(['incident-aurora-hall-2021']);
    expect(ids(read(["Le procès de l'attentat de la salle Aurora s'ouvre."]))).toEqual([
      'incident-aurora-hall-2021',
    ]);
    expect(ids(read(['औरोरा हॉल हमला: सुनवाई शुरू']))).toEqual(['incident-aurora-hall-2021']);
  });

  it('finds the right incident by venue, event and claimant on an undated page, and says why', () => {
    const result = read([
      'Masked men opened fire inside the Aurora Music Hall as a band was about to play.',
      'The Red Hand Brigade said its fighters carried out the shooting.',
    ]);
    expect(ids(result)).toEqual(['incident-aurora-hall-2021']);
    const why = result.incidents[0]!.why;
    expect(why).toContain('Aurora Music Hall (venue)');
    expect(why).toContain('Red Hand Brigade, which claimed it');
  });

  it('counts the article’s own date: the day after is evidence, in the words of the tooltip', () => {
    const result = read(
      ['Gunmen attacked a concert at the Aurora Hall in Varnabay, officials said.'],
      '2021-03-13',
    );
    expect(result.incidents[0]?.why).toContain('article dated 13 Mar 2021, the day after');
  });

  it('reads dates at any precision: a day, a weekday, last month, years ago, an anniversary', () => {
    const base = 'Gunmen attacked the Aurora Music Hall';
    const dated = (sentence: string, published?: string) =>
      confidenceOf(read([`${base} ${sentence}`], published, everything), 'incident-aurora-hall-2021');
    const undated = dated('.');
    expect(dated('on 12 March 2021.')).toBeGreaterThan(undated);
    expect(dated('on Friday.', '2021-03-14')).toBeGreaterThan(dated('.', '2021-06-30'));
    expect(dated('last March.', '2021-10-01')).toBeGreaterThan(dated('.', '2021-10-01'));
    expect(dated('four years ago.', '2025-03-12')).toBeGreaterThan(dated('.', '2025-03-12'));
    expect(dated('— families marked the third anniversary.', '2024-03-12')).toBeGreaterThan(
      dated('.', '2024-03-12'),
    );
  });

  it('takes a date that contradicts the incident as strong evidence against it', () => {
    expect(ids(read(['Gunmen attacked the Aurora Music Hall in Varnabay on 12 March 2017.']))).toEqual([]);
    // A day without its year on an undated page ("(May 24)") still rules the March incident out.
    expect(ids(read(['Gunmen attacked the Aurora Music Hall on Wednesday (May 24), police said.']))).toEqual(
      [],
    );
    // An article cannot report what happened after it was published.
    expect(ids(read(['Gunmen attacked the Aurora Music Hall in Varnabay.'], '2020-01-01'))).toEqual([]);
  });

  it('reads the date beside a name deep in a long article, and not a date in a paragraph about something else', () => {
    // Some 3,300 characters about the town's budget: the rest is past the article's lead and dateline.
    const budget = Array.from(
      { length: 20 },
      (_, i) =>
        `Item ${i + 1} of the council budget covers street lighting, school roofs and the bus depot, ` +
        'and the treasurer answered questions about each of them at length.',
    );
    const story = (sentence: string, aside = 'The ferry timetable will change in spring.') =>
      read(
        ['Council notes', ...budget, aside, 'Residents spoke of other news too.', sentence],
        undefined,
        everything,
      );
    expect(story('Gunmen attacked the Aurora Music Hall on 12 March 2021.').incidents[0]?.why).toContain(
      '12 Mar 2021',
    );
    expect(
      ids(read(['Council notes', ...budget, 'Gunmen attacked the Aurora Music Hall on 12 March 2017.'])),
    ).toEqual([]);
    const undated = 'Gunmen attacked the Aurora Music Hall.';
    expect(
      confidenceOf(
        story(undated, 'The depot itself was opened on 4 June 2009.'),
        'incident-aurora-hall-2021',
      ),
    ).toBe(confidenceOf(story(undated), 'incident-aurora-hall-2021'));
  });

  it('does not take a date in the week after the incident (the claim, the funerals) as a contradiction', () => {
    const text = ['Gunmen attacked the Aurora Music Hall; the Red Hand Brigade claimed it on 15 March 2021.'];
    expect(ids(read(text))).toEqual(['incident-aurora-hall-2021']);
    expect(
      ids(read(['Gunmen attacked the Aurora Music Hall; the Red Hand Brigade claimed it on 15 May 2021.'])),
    ).toEqual([]);
  });

  it('weighs the kind of event against the incident’s own, in several languages', () => {
    const kindOf = (sentence: string) =>
      confidenceOf(read([sentence], undefined, everything), 'incident-aurora-hall-2021');
    expect(kindOf('Une fusillade à la salle Aurora a fait des morts.')).toBeGreaterThan(
      kindOf('Une explosion à la salle Aurora a fait des morts.'),
    );
    expect(kindOf('Aurora Music Hall पर हमला, कई लोग मारे गए')).toBeGreaterThan(
      kindOf('Aurora Music Hall reopens.'),
    );
  });

  it('places at every level: a venue counts more than its neighbourhood, which counts more than the city', () => {
    const at = (place: string) =>
      confidenceOf(
        read([`Gunmen opened fire in ${place}, killing many.`], '2021-03-13', everything),
        'incident-aurora-hall-2021',
      );
    expect(at('the Aurora Music Hall')).toBeGreaterThan(at('Lindholm'));
    expect(at('Lindholm')).toBeGreaterThan(at('Varnabay'));
    // The country alone never makes a candidate.
    expect(at('Ostland')).toBe(0);
  });

  it('adds targets, a toll that matches the recorded one, and the incident’s keywords', () => {
    const plain = 'Gunmen opened fire at the Aurora Music Hall.';
    const base = confidenceOf(read([plain], undefined, everything), 'incident-aurora-hall-2021');
    const more = read(
      [plain, 'The 61 dead were concertgoers who had come to hear the Silver Comets.'],
      undefined,
      everything,
    );
    expect(confidenceOf(more, 'incident-aurora-hall-2021')).toBeGreaterThan(base);
    expect(more.incidents[0]!.why).toContain('“concertgoers” targeted');
    expect(more.incidents[0]!.why).toContain('61 killed, as recorded');
    expect(more.incidents[0]!.why).toContain('“Silver Comets”');
  });

  it('tells look-alikes apart: same city, same claimant, other date', () => {
    const text = [
      'A bomb exploded in Kestrel on Friday, and the Grey Front said it was behind the blast.',
      'Police said the bomber targeted commuters at Kestrel Central Station.',
    ];
    expect(ids(read(text, '2019-11-09'))).toEqual(['incident-kestrel-station-2019']);
    // The same words in an article about the earlier bombing: its date decides.
    expect(ids(read(['A car bomb exploded in Kestrel on 5 June 2015; the Grey Front claimed it.']))).toEqual([
      'incident-kestrel-square-2015',
    ]);
    // Another year altogether: neither.
    expect(
      ids(read(['A bomb exploded in Kestrel on Friday; the Grey Front claimed it.'], '2023-04-02')),
    ).toEqual([]);
  });

  it('tells two incidents in different quarters of one city apart, each by its own quarter', () => {
    // An undated page about the Old Quay shooting that recalls, at its end, the dated Aurora attack:
    // the earlier attack's date beside "Varnabay" says nothing of the Old Quay, and the stronger
    // Aurora evidence does not make the article's own subject a passing mention.
    const result = read([
      'Gunmen shot dead a police officer on guard duty in Varnabay’s Old Quay on Sunday.',
      'The Red Hand Brigade said its fighters carried out the shooting.',
      'Police said they were still investigating the claim.',
      // Past the lead, where a report gives the date of what it reports.
      ...LEAD_FILLER,
      'In March 2021 the Red Hand Brigade claimed the shooting at the Aurora Music Hall in Varnabay’s Lindholm, where 61 concertgoers died.',
    ]);
    expect(ids(result).sort()).toEqual(['incident-aurora-hall-2021', 'incident-old-quay-2022']);
  });

  it('does not count a keyword or target the page writes only inside the incident’s own place name', () => {
    // A market bombing in 2023; the station bombed in 2019 is only where the wounded were taken.
    const text = [
      'A bomb exploded at a crowded market in Kestrel, killing 12 people.',
      'The wounded were taken to a clinic beside Kestrel Central Station.',
    ];
    expect(ids(read(text, '2023-04-02'))).toEqual([]);
  });

  it('takes the lead’s “on Saturday”, the day before the article, as the date of its story', () => {
    // A new bombing at the same station four years on: the station, the kind and the article fit the
    // 2019 bombing, the day does not.
    const text = ['A bomb exploded at Kestrel Central Station on Saturday, killing 12 people.'];
    expect(ids(read(text, '2023-04-02'))).toEqual([]);
    expect(ids(read(text, '2019-11-10'))).toEqual(['incident-kestrel-station-2019']);
  });

  it('does not let an event word of its own make up for words of other kinds near its place', () => {
    // The station was bombed; this is an assault with guns and grenades that its authors called by the
    // same name.
    const text = [
      'Fighters stormed a police post beside Kestrel Central Station, firing and hurling grenades in what the Grey Front called a martyrdom operation.',
    ];
    expect(ids(read(text))).toEqual([]);
    expect(
      ids(
        read([
          'A martyrdom operation at Kestrel Central Station: a bomber blew himself up, the Grey Front said.',
        ]),
      ),
    ).toEqual(['incident-kestrel-station-2019']);
  });

  it('needs something of the incident’s own on an undated page that names only its city', () => {
    // City, kind, claimant and target fit the 2015 square bombing, as they would fit any car bomb the
    // Grey Front set off at a Kestrel market: nothing singles that one out.
    const city = 'A car bomb exploded at a market in Kestrel, and the Grey Front claimed it.';
    expect(ids(read([city]))).toEqual([]);
    // Its square, or its year, does.
    expect(ids(read([city, 'The blast tore through Harbour Square.']))).toEqual([
      'incident-kestrel-square-2015',
    ]);
    expect(ids(read([city.replace('exploded', 'exploded in June 2015')]))).toEqual([
      'incident-kestrel-square-2015',
    ]);
  });

  it('does not keep a weaker look-alike in the same city because the article names its year in passing', () => {
    // About the 2019 station bombing (the article's date, the station); 2015 is only the year of
    // "earlier attacks", which the square bombing shares with every other incident of that year.
    const text = [
      'A suicide bomber struck commuters at Kestrel Central Station, and the Grey Front said it was behind the blast.',
      'Kestrel saw several bombings in 2015, police said.',
    ];
    expect(ids(read(text, '2019-11-09'))).toEqual(['incident-kestrel-station-2019']);
    // Dated to the month, the earlier bombing is named in its own right and kept.
    expect(
      ids(
        read([text[0]!, 'A car bomb exploded in a Kestrel market in June 2015, police said.'], '2019-11-09'),
      ).sort(),
    ).toEqual(['incident-kestrel-square-2015', 'incident-kestrel-station-2019']);
  });

  it('marks nothing on a trap: the place as a name, with no event', () => {
    expect(
      ids(read(['Lindholm beat Kestrel 2-1 after a late shot from the edge of the box.'], '2024-08-25')),
    ).toEqual([]);
    expect(ids(read(['The Aurora Music Hall announced its autumn programme.'], '2023-09-01'))).toEqual([]);
  });

  it('loads a version-1 pack, whose incidents have no kinds or sites, and still links by place, event and date', () => {
    const v1 = testPack();
    expect(v1.formatVersion).toBe(1);
    const result = validatePack(v1);
    expect(result.ok).toBe(true);
    const oldKb = new KnowledgeBase([v1]);
    const old = new TextMatcher(oldKb, compileMatcher(oldKb));
    const found = old.match({
      text: 'Militants attacked a police party in Zakura late on Friday, officials said.',
      breaks: [],
      declaredDate: '2017-11-18',
    });
    expect(found.incidents.map((i) => i.id)).toEqual(['incident-zakura-2017']);
    expect(found.incidents[0]!.why).toContain('17 Nov 2017');
  });
});

describe('the linker on the default pack', () => {
  const pack = new KnowledgeBase([defaultPack()]);
  const reader = new TextMatcher(pack, compileMatcher(pack));
  const scan = (text: string, declaredDate?: string) => reader.match({ text, breaks: [], declaredDate });

  it('reads a place name with other meanings as weaker evidence, and a trap with it as nothing', () => {
    // "Nice" needs a plain name beside it to be marked; as a place of an incident it still counts.
    const attack = scan(
      "L'attaque au camion à Nice a fait 84 morts; l'État islamique l'a revendiquée samedi.",
      '2016-07-16',
    );
    expect(attack.incidents.map((i) => i.id)).toEqual(['incident-nice-2016']);
    const football = scan(
      'Nice took the lead with a shot from outside the box, but Toulouse attacked late.',
      '2024-08-25',
    );
    expect(football.incidents).toEqual([]);
  });

  it('counts a target the article names in its own language', () => {
    const bardo = (victims: string) =>
      scan(`Hombres armados mataron a 17 ${victims} en el museo del Bardo.`).incidents;
    expect(bardo('turistas').map((i) => i.id)).toEqual(['incident-bardo-2015']);
    expect(bardo('turistas')[0]!.why).toContain('“turistas” targeted');
    expect(bardo('personas')).toEqual([]);
  });

  it('finds an incident by the district around its town', () => {
    // Uri is a town of Baramulla district; a report may name only the district.
    const found = scan(
      'Militants stormed an army brigade headquarters in Baramulla district before dawn on Sunday, killing 17 soldiers.',
      '2016-09-18',
    );
    expect(found.incidents.map((i) => i.id)).toEqual(['incident-uri-2016']);
    expect(found.incidents[0]!.why).toContain('Baramulla');
  });

  describe('reports in other languages and scripts', () => {
    const ids = (r: ReturnType<typeof scan>) => r.incidents.map((i) => i.id);
    const found = (text: string, declaredDate?: string) => ids(scan(text, declaredDate));

    it('Spanish: the Garissa university attack, and not the same words dated another year', () => {
      expect(
        found(
          'Hombres armados atacaron la Universidad de Garissa antes del amanecer del 2 de abril de 2015.',
        ),
      ).toEqual(['incident-garissa-2015']);
      expect(
        found(
          'Hombres armados atacaron la Universidad de Garissa antes del amanecer del 2 de abril de 2019.',
        ),
      ).toEqual([]);
    });

    it('French: the Sousse beach attack, told without the words attack or attentat', () => {
      expect(
        found('Un étudiant armé a tué 38 touristes sur une plage près de Sousse le 26 juin 2015.'),
      ).toEqual(['incident-sousse-2015']);
      expect(
        found('Un étudiant armé a tué 38 touristes sur une plage près de Sousse le 26 juin 2018.'),
      ).toEqual([]);
    });

    it('Portuguese: Palma, by the words for armed men, attacked and killed', () => {
      expect(
        found(
          'Homens armados atacaram a vila de Palma, em Cabo Delgado, e mataram dezenas de pessoas em 2021.',
        ),
      ).toEqual(['incident-palma-2021']);
      expect(
        found(
          'Homens armados atacaram a vila de Palma, em Cabo Delgado, e mataram dezenas de pessoas em 2024.',
        ),
      ).toEqual([]);
    });

    it('Hindi: Uri and Pathankot by their names in Devanagari', () => {
      const uri = scan('उरी में सेना के शिविर पर तड़के आतंकियों ने धावा बोला, कई जवान शहीद हुए।', '2016-09-18');
      expect(ids(uri)).toEqual(['incident-uri-2016']);
      expect(uri.incidents[0]!.why).toContain('उरी');
      expect(found('पठानकोट के वायुसेना अड्डे पर आतंकियों ने धावा बोला।', '2016-01-02')).toEqual([
        'incident-pathankot-2016',
      ]);
      expect(found('पठानकोट आतंकी हमले की जांच एनआईए को सौंपी गई।')).toEqual(['incident-pathankot-2016']);
      // The day written with a Hindi month name, on an undated page; and the same words another year.
      expect(found('18 सितंबर 2016 को उरी में सेना के शिविर पर आतंकियों ने धावा बोला।')).toEqual([
        'incident-uri-2016',
      ]);
      expect(found('18 सितंबर 2019 को उरी में सेना के शिविर पर आतंकियों ने धावा बोला।')).toEqual([]);
      expect(found('उरी में सेना के शिविर पर तड़के आतंकियों ने धावा बोला।', '2024-05-02')).toEqual([]);
    });

    it('Urdu: the Peshawar Police Lines mosque bombing, and not a bombing there in another year', () => {
      const report =
        'پشاور پولیس لائنز کی مسجد میں نماز کے دوران خودکش دھماکا ہوا، درجنوں افراد جاں بحق ہوگئے۔';
      expect(found(report, '2023-01-30')).toEqual(['incident-peshawar-police-lines-2023']);
      expect(found(`30 جنوری 2023 کو ${report}`)).toEqual(['incident-peshawar-police-lines-2023']);
      expect(found(`${report} یہ واقعہ 2019 میں پیش آیا۔`)).toEqual([]);
    });

    it('marks no incident on a sports or travel page that names the same places', () => {
      expect(
        found(
          'Sousse accueille cet été des milliers de touristes, et son club a gagné samedi.',
          '2023-07-01',
        ),
      ).toEqual([]);
      expect(found('पठानकोट में नया क्रिकेट स्टेडियम खुला, हजारों दर्शक पहुंचे।', '2024-03-02')).toEqual([]);
      expect(found('پشاور زلمی نے کراچی کنگز کو شکست دے دی۔', '2024-03-01')).toEqual([]);
      expect(found('El Garissa atacó por la banda y el delantero marcó dos goles.', '2024-03-01')).toEqual(
        [],
      );
      // Folded, "وأنا" ("and I") is the Urdu spelling of Wana: that alias is left out.
      expect(found('قال شاهد: وأنا في الطريق سمعت صوت الانفجار في 10 نوفمبر 2025.')).toEqual([]);
    });
  });

  it('finds al-Shabaab under the spellings readers meet, and refuses the traps', () => {
    const groups = (text: string) =>
      scan(text)
        .mentions.filter((m) => m.kind === 'group')
        .map((m) => m.targetId);
    for (const spelling of ['al-Shabab', 'Al Shabab', 'Shabaab', 'al-Shabaab'])
      expect(groups(`Fighters of ${spelling} attacked the base.`)).toEqual(['group-al-shabaab']);
    expect(groups('Jaish-e Mohammad and Tehreek e Taliban Pakistan were named.')).toEqual([
      'group-jaish-e-mohammed',
      'group-ttp',
    ]);
    expect(groups('Temple of Isis at Philae; crocus bulbs at Mount Sinai; OGC Nice won.')).toEqual([]);
    expect(groups('THIS IS WHAT IS HAPPENING')).toEqual([]);
  });

  it('finds groups under the spellings the press of other languages uses', () => {
    const groups = (text: string) =>
      scan(text)
        .mentions.filter((m) => m.kind === 'group')
        .map((m) => m.targetId);
    expect(groups('Le groupe Daech a revendiqué l’attaque.')).toEqual(['group-islamic-state']);
    expect(groups('Hezbolá negó cualquier participación.')).toEqual(['group-hezbollah']);
    expect(groups('Police blamed Jaish-i-Mohammad for the raid.')).toEqual(['group-jaish-e-mohammed']);
    expect(groups('हमास ने हमले की जिम्मेदारी ली।')).toEqual(['group-hamas']);
    expect(groups('बलोच लिबरेशन आर्मी ने ट्रेन पर हमला किया।')).toEqual(['group-bla']);
  });
});
