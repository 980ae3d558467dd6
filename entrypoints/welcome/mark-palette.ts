/**
 * The demo's marks in the palette the page's public marks are drawn with (lib/page/mark-layer.ts):
 * `.mark-group`, `.mark-actor` and `.mark-incident`, and `.mark.active` for the mark whose card is
 * open. Added after the page's style sheets, so they win over `.mark`'s plain button look.
 */
import { PALETTE } from '../../lib/page/mark-layer';

export function adoptMarkPalette(doc: Document): void {
  const rules = PALETTE.filter(([style]) => style !== 'hover').map(
    ([style, declarations]) =>
      `${style === 'active' ? '.mark.active' : `.mark-${style}`} { ${declarations}; }`,
  );
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(rules.join('\n'));
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}
