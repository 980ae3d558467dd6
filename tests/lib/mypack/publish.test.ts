import { describe, expect, it } from 'vitest';
import { validatePack } from '../../../lib/knowledge/pack-validator';
import { emptyMyPack } from '../../../lib/mypack/my-pack';
import { publishedIdentity, publishedPack } from '../../../lib/mypack/publish';
import { reservedPackProblem } from '../../../lib/packs/pack-provenance';

describe('publishing My pack', () => {
  it('gives it an id and name of its own that a colleague may subscribe to, kept across exports', () => {
    const state = emptyMyPack('2026-12-07');
    const identity = publishedIdentity(state, '  Ana’s Kashmir records ', () => 'k3x9');
    expect(identity).toEqual({ id: 'recorded-ana-s-kashmir-records-k3x9', name: 'Ana’s Kashmir records' });
    const pack = publishedPack(state, identity);
    expect(validatePack(pack).ok).toBe(true);
    expect(
      reservedPackProblem(pack, { id: 'claimlens-default', name: 'ClaimLens default pack' }),
    ).toBeUndefined();
    const later = publishedIdentity({ ...state, published: identity }, 'New name', () => 'zzzz');
    expect(later).toEqual({ id: identity.id, name: 'New name' });
  });
});
