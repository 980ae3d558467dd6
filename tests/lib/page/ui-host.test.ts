// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isInsideUiHost, isUiHost, newHostName, registerUiHost } from '../../../lib/page/ui-host';

describe('ClaimLens’s host element', () => {
  it('is named afresh each time, with a valid custom-element name that is never the old fixed one', () => {
    const names = new Set(Array.from({ length: 200 }, () => newHostName()));
    expect(names.size).toBe(200);
    for (const name of names) {
      expect(name).toMatch(/^[a-z]{5,8}-[a-z]{5,8}$/);
      expect(name).not.toBe('claimlens-ui');
    }
  });

  it('is known by identity, not by its name: an element of the same name made by the page is not it', () => {
    const host = document.createElement(newHostName());
    const inner = document.createElement('span');
    host.append(inner);
    document.body.append(host);
    registerUiHost(host);
    const lookalike = document.createElement(host.localName);
    document.body.append(lookalike);
    expect(isUiHost(host)).toBe(true);
    expect(isInsideUiHost(inner)).toBe(true);
    expect(isUiHost(lookalike)).toBe(false);
    expect(isInsideUiHost(document.body)).toBe(false);
  });
});
