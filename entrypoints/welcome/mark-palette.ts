/**
 * The demo's marks in the styles the page's own marks are drawn with: `.mark-group`, `.mark-actor`
 * and `.mark-incident`, and `.mark.active` for the mark whose card is open, from the public marks'
 * palette (lib/page/mark-layer.ts); `.note-<colour>` from the saved passages' tints and lines
 * (lib/page/passage-overlay.ts), lighter on a dark page as there. Added after the page's style
 * sheets, so they win over `.mark`'s plain button look.
 */
import { PALETTE } from '../../lib/page/mark-layer';
import { LINE_COLOR, LINES, TINTS } from '../../lib/page/passage-overlay';

function noteRules(theme: 'light' | 'dark'): string[] {
  return Object.entries(TINTS[theme]).map(([style, tint]) => {
    const line = LINES[style as keyof typeof LINES];
    return `.${style} { background-color: ${tint};${line ? ` ${line} ${LINE_COLOR[theme]};` : ''} }`;
  });
}

export function adoptMarkPalette(doc: Document): void {
  const rules = PALETTE.filter(([style]) => style !== 'hover').map(
    ([style, declarations]) =>
      `${style === 'active' ? '.mark.active' : `.mark-${style}`} { ${declarations}; }`,
  );
  rules.push(...noteRules('light'), `@media (prefers-color-scheme: dark) { ${noteRules('dark').join(' ')} }`);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(rules.join('\n'));
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}
