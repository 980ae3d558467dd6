import { describe, expect, it } from 'vitest';
import { KnowledgeService } from '../../../lib/knowledge/knowledge-service';
import { testPack } from '../../fixtures/test-pack';

const service = KnowledgeService.validated([testPack()]);
const scan = (text: string, declaredDate?: string) => service.scan({ text, breaks: [], declaredDate });

describe('what the matcher sends back to the page', () => {
  it('sends no place on its own: places are evidence, never marked', () => {
    const found = scan('A new road was opened in Srinagar on Monday.', '2024-05-06');
    expect(found.mentions.filter((m) => m.kind === 'place')).toEqual([]);
    expect(found.incidents).toEqual([]);
  });

  it('sends the places an incident rests on, and the incident points at them', () => {
    const text = 'ISIS claimed the attack at Zakura in Srinagar on November 17, police said.';
    const found = scan(text, '2017-11-20');
    const [incident] = found.incidents;
    expect(incident?.id).toBe('incident-zakura-2017');
    const pointed = incident!.mentions.map((i) =>
      text.slice(found.mentions[i]!.start, found.mentions[i]!.end),
    );
    expect(pointed).toContain('Zakura');
    expect(found.mentions.map((m) => m.name)).toContain('Islamic State');
  });

  it('asks a page that has not read its date for it only when an incident is named, or a place beside an event word', () => {
    const unread = (text: string) => service.scan({ text, breaks: [], dateUnread: true });
    const groupsOnly = unread('ISIS and Hamas were named in the report.');
    expect(groupsOnly.needsDate).toBeUndefined();
    expect(groupsOnly.mentions.map((m) => m.name)).toEqual(['Islamic State', 'Hamas']);
    const cityInPassing = unread('ISIS statements were discussed at a conference in Srinagar.');
    expect(cityInPassing.needsDate).toBeUndefined();
    expect(cityInPassing.mentions.map((m) => m.name)).toEqual(['Islamic State']);
    const withPlace = unread('ISIS claimed the attack at Zakura in Srinagar on November 17, police said.');
    expect(withPlace).toEqual({ mentions: [], incidents: [], needsDate: true });
    const named = unread('Police spoke about the Zakura attack again.');
    expect(named.needsDate).toBe(true);
  });
});
