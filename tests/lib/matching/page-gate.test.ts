import { describe, expect, it } from 'vitest';
import { defaultPack } from '../../../lib/knowledge/default-pack';
import { KnowledgeBase } from '../../../lib/knowledge/knowledge-base';
import { PageGate } from '../../../lib/matching/first-words';
import { compileMatcher } from '../../../lib/matching/matcher-bundle';

const kb = new KnowledgeBase([defaultPack()]);
const gate = new PageGate(compileMatcher(kb));

describe('page gate on the default pack', () => {
  it('opens for every alias that counts on its own, in running text', () => {
    const missed: string[] = [];
    for (const item of [...kb.entities.values(), ...kb.incidents.values()]) {
      for (const alias of [item.name, ...(item.aliases ?? [])]) {
        if (typeof alias !== 'string' && alias.needsContext) continue;
        const text = typeof alias === 'string' ? alias : alias.text;
        if (!gate.mayName(`Reports on Friday said ${text}, officials added.`)) missed.push(text);
      }
    }
    expect(missed).toEqual([]);
  });

  it('stays closed on everyday news about other things', () => {
    const texts = [
      'The state government said the home affairs committee will meet the police union on Sunday.',
      'An attack on the central bank’s independence, the minister said at the international forum.',
      'Isis and Osiris in the temple; this is the crisis of analysis, let us go to the Bahamas.',
      'URL and URI parsing in the standard library; the group operations API; intelligence tests.',
      'THIS IS HOW IT IS DONE: a special operation in the valley, a shoot-out in the film.',
    ];
    for (const text of texts) expect(gate.mayName(text), text).toBe(false);
  });
});
