/**
 * The first-run page's demo article: a fictional outlet's story, written for ClaimLens, about an incident
 * the bundled pack holds (the Zakura attack of 17 November 2017). Each piece is plain text or a name the
 * pack knows, with the id of its card and how the page marks it (lib/page/mark-layer.ts's styles).
 */

export type DemoPiece =
  | string
  | { text: string; id: string; style: 'incident' | 'group' | 'actor' }
  | { text: string; note: 'highlight' | 'claim' | 'official' | 'disputed' | 'follow-up' };

export const DEMO_OUTLET = 'The Valley Ledger';
export const DEMO_DATELINE = 'Srinagar · 20 November 2017';
export const DEMO_HEADLINE = 'Three outfits, one shooting: who really carried out the Zakura attack?';
export const DEMO_INCIDENT = 'incident-zakura-2017';

export const DEMO_ARTICLE: DemoPiece[][] = [
  [
    'Three days after the ',
    { text: 'Zakura attack', id: DEMO_INCIDENT, style: 'incident' },
    ', in which a police sub-inspector was shot dead at a crossing on the road out of Srinagar, the question of who sent the gunmen has more answers than the police would like.',
  ],
  [
    { text: 'The Islamic State', id: 'group-islamic-state', style: 'group' },
    ' was first to speak: its news agency called the shooting the group’s first attack in Kashmir. Within hours, ',
    { text: 'Tehreek-ul-Mujahideen', id: 'group-tehreek-ul-mujahideen', style: 'group' },
    ' said the militant who died of his wounds was its own commander, and ',
    { text: 'Ansar Ghazwat-ul-Hind', id: 'group-ansar-ghazwat-ul-hind', style: 'group' },
    ' made the same claim.',
  ],
  [
    { text: 'Senior police officers said the outfit had no presence in the valley', note: 'official' },
    ' and treated the claim with open doubt. For readers, the lesson is an old one: a claim of responsibility is a statement by the claimant, not a finding.',
  ],
];
