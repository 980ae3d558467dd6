// The reader's name for exports: kept as they typed it, tidied, never anything but a short line of text.
import { describe, expect, it } from 'vitest';
import { EXPORT_NAME_MAX, cleanExportIdentity } from '../../../lib/notes/export-identity';

describe('the name for exports', () => {
  it('keeps a name, trimmed, and is empty when none was given', () => {
    expect(cleanExportIdentity({ name: '  Lina Haddad ' })).toEqual({ name: 'Lina Haddad' });
    expect(cleanExportIdentity(undefined)).toEqual({ name: '' });
    expect(cleanExportIdentity({ name: 7 })).toEqual({ name: '' });
    expect(cleanExportIdentity('Lina')).toEqual({ name: '' });
  });

  it('keeps one short line: control characters become spaces, the length is capped', () => {
    expect(cleanExportIdentity({ name: 'Lina\nHaddad\u0000' })).toEqual({ name: 'Lina Haddad' });
    expect(cleanExportIdentity({ name: 'x'.repeat(500) }).name).toHaveLength(EXPORT_NAME_MAX);
  });
});
