// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { defaultPack } from '../../../lib/knowledge/default-pack';
import { htmlDocument, spot } from '../../fixtures/spot';

// Sentences written for these tests: how readers meet these groups' names, and look-alikes that
// must stay unmarked.
const pack = defaultPack();
const kinds = new Map(pack.entities.map((e) => [e.id, e.kind]));

/** Ids of the groups and media arms marked on a page of these paragraphs. */
const groups = async (...paragraphs: string[]) => {
  const html = paragraphs.map((p) => `<p>${p}</p>`).join('');
  const found = await spot(htmlDocument(html).body, pack);
  return [
    ...new Set(found.filter((m) => ['group', 'media'].includes(kinds.get(m.id) ?? '')).map((m) => m.id)),
  ];
};

describe('default pack: group spellings readers meet', () => {
  it('recognises "Jamatul Ahrar" and the Urdu name as Jamaat-ul-Ahrar', async () => {
    expect(await groups('Jamatul Ahrar said its fighters had attacked the checkpoint.')).toEqual([
      'group-jamaat-ul-ahrar',
    ]);
    expect(await groups('جماعت الاحرار نے حملے کی ذمہ داری قبول کر لی۔')).toEqual(['group-jamaat-ul-ahrar']);
  });

  it('recognises Ansar Bangla-7, with or without the hyphen', async () => {
    expect(await groups('A message signed Ansar Bangla-7 praised the killing.')).toEqual([
      'group-ansar-bangla-7',
    ]);
    expect(await groups('Police could not trace the Ansar Bangla 7 account.')).toEqual([
      'group-ansar-bangla-7',
    ]);
  });

  it('recognises the Iraqi Ansar al-Islam by its Kurdish name', async () => {
    expect(await groups('The Supporters of Islam in Kurdistan were driven from their villages.')).toEqual([
      'group-ansar-al-islam-iraq',
    ]);
  });
});

describe('default pack: short names counted only beside their group or a related outfit', () => {
  it('marks "Jaish" where the page names one of its fronts', async () => {
    expect(
      await groups(
        "The Jaish proxy People's Anti-Fascist Front said it had ambushed the patrol near the ridge.",
      ),
    ).toEqual(['group-jaish-e-mohammed', 'group-paff']);
  });

  it('marks "Jaish" where the page names Jaish-e-Mohammed itself', async () => {
    expect(
      await groups(
        'Jaish-e-Mohammad was blamed for the raid.',
        'Officials said Jaish had planned it for months.',
      ),
    ).toEqual(['group-jaish-e-mohammed']);
  });

  it('leaves "Jaish" unmarked in unrelated text and beside another "Jaish" group', async () => {
    expect(await groups('Jaish is the Arabic word for army; the new café borrowed it for its name.')).toEqual(
      [],
    );
    expect(
      await groups(
        'Jaish al-Adl claimed the attack on the border guards.',
        'Jaish fighters then crossed back.',
      ),
    ).toEqual(['group-jaish-al-adl']);
  });

  it('leaves "HUJI" unmarked alone, and marks it beside its own group only', async () => {
    expect(await groups('Researchers at HUJI published a study of desert plants this week.')).toEqual([]);
    expect(
      await groups(
        'Harkat-ul-Jihad al-Islami was blamed for the blasts.',
        'HUJI cadres were arrested later.',
      ),
    ).toEqual(['group-huji']);
    // An acronym needs its own group named: beside a related outfit it may mean something else.
    expect(
      await groups(
        'Police said Harkat-ul-Jihad al-Islami Bangladesh had trained the men.',
        'HUJI cadres were arrested in the raid.',
      ),
    ).toEqual(['group-huji-b']);
  });

  it('does not take "ISS" beside al-Shabaab for the Islamic State in Somalia', async () => {
    expect(
      await groups('Al-Shabaab fighters attacked the base, analysts at the ISS in Pretoria said.'),
    ).toEqual(['group-al-shabaab']);
  });
});

describe('default pack: groups that share the name "Ansar al-Islam"', () => {
  it('marks nothing where the page gives no way to tell which one', async () => {
    expect(await groups('A group calling itself Ansar al-Islam posted a statement online.')).toEqual([]);
  });

  it('marks the Bangladeshi group beside AQIS', async () => {
    expect(
      await groups(
        'AQIS said its local wing, Ansar al-Islam, had killed the publisher in Dhaka, Bangladesh.',
      ),
    ).toEqual(['group-aqis', 'group-ansar-al-islam-bangladesh']);
  });

  it('marks the Egyptian group on a page about Egypt that names al-Qaeda', async () => {
    expect(
      await groups(
        'In Egypt, a new outfit said to be close to al-Qaeda, Ansar al-Islam, claimed the desert ambush.',
      ),
    ).toEqual(['group-al-qaeda', 'group-ansar-al-islam-egypt']);
  });

  it('marks the Iraqi group on a page about Iraq that names al-Qaeda', async () => {
    expect(
      await groups('Ansar al-Islam fought from mountain villages in northern Iraq with help from al-Qaeda.'),
    ).toEqual(['group-ansar-al-islam-iraq', 'group-al-qaeda']);
  });

  it('prefers the group related to what the page names over one that only shares a wider link', async () => {
    // Bangladesh is named, al-Qaeda and AQIS both are: the Bangladeshi group, not the Egyptian or Iraqi.
    expect(
      await groups(
        'Al-Qaeda in the Indian Subcontinent called Ansar al-Islam its branch in Bangladesh.',
        'Al-Qaeda itself said nothing.',
      ),
    ).toEqual(['group-aqis', 'group-ansar-al-islam-bangladesh', 'group-al-qaeda']);
  });
});

describe('default pack: names in the scripts readers meet', () => {
  it('recognises The Resistance Front in Hindi and Bengali', async () => {
    expect(await groups('द रेजिस्टेंस फ्रंट ने हमले की जिम्मेदारी ली।')).toEqual(['group-the-resistance-front']);
    expect(await groups('দ্য রেসিস্টেন্স ফ্রন্ট হামলার দায় স্বীকার করেছে।')).toEqual([
      'group-the-resistance-front',
    ]);
  });
});

describe('default pack: Ansaroul Islam of Burkina Faso', () => {
  it('recognises its French-derived spelling alone', async () => {
    expect(await groups('Ansaroul Islam fighters attacked a gendarmerie post near Djibo.')).toEqual([
      'group-ansaroul-islam',
    ]);
  });

  it('leaves "Ansarul Islam" unmarked without the group or its Sahel ally, as it also names a Pakistani volunteer force', async () => {
    expect(
      await groups('The ministry banned Ansarul Islam, the volunteer wing of a religious party.'),
    ).toEqual([]);
    expect(
      await groups('Ansarul Islam was formed with help from Katiba Macina, analysts in Burkina Faso say.'),
    ).toEqual(['group-ansaroul-islam', 'group-macina-liberation-front']);
  });
});

describe('default pack: the Islamic State in French, Portuguese and Spanish', () => {
  it('recognises "Estado Islâmico" and "Estado Islámico"', async () => {
    expect(await groups('O Estado Islâmico reivindicou o ataque através da sua agência.')).toEqual([
      'group-islamic-state',
    ]);
    expect(await groups('El Estado Islámico reivindicó el atentado el domingo.')).toEqual([
      'group-islamic-state',
    ]);
  });

  it('counts the French "EI" beside the group named in full, and not alone', async () => {
    const found = await spot(
      htmlDocument("<p>Le groupe État islamique (EI) a revendiqué l'attaque. L'EI a publié une photo.</p>")
        .body,
      pack,
    );
    expect(found.map((m) => m.text)).toEqual(['État islamique', 'EI', 'EI']);
    expect(await groups("L'EI a été évoqué lors de la réunion du conseil.")).toEqual([]);
  });

  it('reads "État islamique au Khorassan (EI-K)" as the Khorasan branch, not the parent group', async () => {
    expect(await groups("L'État islamique au Khorassan (EI-K) a revendiqué l'attentat.")).toEqual([
      'group-is-khorasan',
    ]);
  });
});

describe('default pack: the Ajang-Ajang faction of the Abu Sayyaf', () => {
  it('recognises both spellings', async () => {
    expect(await groups('Soldiers pursued the Ajang-Ajang group in the hills of Patikul.')).toEqual([
      'group-ajang-ajang',
    ]);
    expect(await groups('The Adjang-Adjang faction was blamed by the army.')).toEqual(['group-ajang-ajang']);
  });
});
