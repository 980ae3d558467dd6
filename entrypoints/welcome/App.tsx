/**
 * The first-run page: what ClaimLens does, a short demo article whose marks open the real cards of the
 * bundled pack (asked of the background, as the page's tooltip does), the legend of the mark styles and
 * the keyboard shortcuts. Opened once, when ClaimLens is installed (entrypoints/background).
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import { I18n } from '../../components/i18n';
import { SidePanel } from '../../components/SidePanel';
import { Tooltip } from '../../components/Tooltip';
import type { Card } from '../../lib/knowledge/cards';
import { translate as t } from '../../lib/i18n';
import { sendMessage } from '../../lib/messaging';
import { DEMO_ARTICLE, DEMO_DATELINE, DEMO_HEADLINE, DEMO_INCIDENT, DEMO_OUTLET } from './demo-article';

type Theme = 'light' | 'dark';

const darkQuery = () => matchMedia('(prefers-color-scheme: dark)');

/** The shortcuts, as the manifest (wxt.config.ts) and the mark interaction (lib/page/mark-interaction.ts) define them. */
const SHORTCUTS: { keys: string[]; key: string }[] = [
  { keys: ['Alt', 'Shift', 'S'], key: 'welcomeKeySave' },
  { keys: ['Alt', 'Shift', 'A'], key: 'welcomeKeyNote' },
  { keys: ['Alt', 'Shift', 'N'], key: 'welcomeKeyNext' },
  { keys: ['Alt', 'Shift', 'P'], key: 'welcomeKeyPrevious' },
  { keys: ['Esc'], key: 'welcomeKeyClose' },
];

const LEGEND: { sample: string; cls: string; key: string }[] = [
  { sample: 'Zakura attack', cls: 'mark mark-incident', key: 'welcomeLegendIncident' },
  { sample: 'Islamic State', cls: 'mark mark-group', key: 'welcomeLegendGroup' },
  { sample: 'Police spokesman', cls: 'mark mark-actor', key: 'welcomeLegendActor' },
  { sample: 'a passage you saved', cls: 'mark note note-official', key: 'welcomeLegendNote' },
  { sample: 'Zakura attack', cls: 'mark mark-incident active', key: 'welcomeLegendActive' },
];

export function App() {
  const [theme, setTheme] = useState<Theme>(darkQuery().matches ? 'dark' : 'light');
  const [cards, setCards] = useState<Record<string, Card | null>>({});
  const [shown, setShown] = useState(DEMO_INCIDENT);
  const [open, setOpen] = useState<Card | null>(null);

  useEffect(() => {
    const query = darkQuery();
    const follow = () => setTheme(query.matches ? 'dark' : 'light');
    query.addEventListener('change', follow);
    const ids = DEMO_ARTICLE.flat().flatMap((piece) =>
      typeof piece !== 'string' && 'id' in piece ? [piece.id] : [],
    );
    sendMessage('getCards', { ids: [...new Set(ids)] })
      .then((found) =>
        setCards(Object.fromEntries(ids.map((id) => [id, found.find((c) => c.id === id) ?? null]))),
      )
      .catch(() => setCards(Object.fromEntries(ids.map((id) => [id, null]))));
    return () => query.removeEventListener('change', follow);
  }, []);

  const label = DEMO_ARTICLE.flat().find((p) => typeof p !== 'string' && 'id' in p && p.id === shown);
  return (
    <I18n.Provider value={t}>
      <header class="hero">
        <img src="/icon-128.png" alt="" width={56} height={56} />
        <div>
          <h1>{t('welcomeTitle')}</h1>
          <p class="lede">{t('welcomeLede')}</p>
        </div>
      </header>
      <main>
        <section class="what" aria-labelledby="what-title">
          <h2 class="eyebrow" id="what-title">
            {t('welcomeWhatTitle')}
          </h2>
          <ol class="steps">
            <li>
              <strong>{t('welcomeStepMarksTitle')}</strong> {t('welcomeStepMarks')}
            </li>
            <li>
              <strong>{t('welcomeStepCardsTitle')}</strong> {t('welcomeStepCards')}
            </li>
            <li>
              <strong>{t('welcomeStepNotesTitle')}</strong> {t('welcomeStepNotes')}
            </li>
          </ol>
        </section>

        <section class="demo" aria-labelledby="demo-title">
          <h2 class="eyebrow" id="demo-title">
            {t('welcomeDemoTitle')}
          </h2>
          <p class="hint">{t('welcomeDemoHint')}</p>
          <div class="demo-body">
            <article class="paper" aria-label={t('welcomeDemoArticleLabel')}>
              <p class="outlet">{DEMO_OUTLET}</p>
              <h3 class="headline">{DEMO_HEADLINE}</h3>
              <p class="dateline">{DEMO_DATELINE}</p>
              {DEMO_ARTICLE.map((paragraph, i) => (
                <p key={i}>
                  {paragraph.map((piece, j) =>
                    typeof piece === 'string' ? (
                      piece
                    ) : 'id' in piece ? (
                      <button
                        key={j}
                        type="button"
                        class={`mark mark-${piece.style}${shown === piece.id ? ' active' : ''}`}
                        aria-pressed={shown === piece.id}
                        onClick={() => setShown(piece.id)}
                        onMouseEnter={() => setShown(piece.id)}
                        onFocus={() => setShown(piece.id)}
                      >
                        {piece.text}
                      </button>
                    ) : (
                      <mark key={j} class={`mark note note-${piece.note}`}>
                        {piece.text}
                      </mark>
                    ),
                  )}
                </p>
              ))}
            </article>
            <div class="demo-card" aria-live="polite">
              <Tooltip
                card={cards[shown]}
                label={label && typeof label !== 'string' ? label.text : ''}
                theme={theme}
                pinned
                onClose={() => setShown(DEMO_INCIDENT)}
                onOpen={() => setOpen(cards[shown] ?? null)}
              />
            </div>
          </div>
        </section>

        <div class="two">
          <section class="legend" aria-labelledby="legend-title">
            <h2 class="eyebrow" id="legend-title">
              {t('welcomeLegendTitle')}
            </h2>
            <dl>
              {LEGEND.map((row) => (
                <div key={row.key}>
                  <dt>
                    <span class={row.cls}>{row.sample}</span>
                  </dt>
                  <dd>{t(row.key)}</dd>
                </div>
              ))}
            </dl>
          </section>
          <section class="keys" aria-labelledby="keys-title">
            <h2 class="eyebrow" id="keys-title">
              {t('welcomeKeysTitle')}
            </h2>
            <dl>
              {SHORTCUTS.map((row) => (
                <div key={row.key}>
                  <dt>
                    {row.keys.map((k, i) => (
                      <>
                        {i > 0 && '+'}
                        <kbd key={k}>{k}</kbd>
                      </>
                    ))}
                  </dt>
                  <dd>{t(row.key)}</dd>
                </div>
              ))}
            </dl>
            <p class="hint">{t('welcomeKeysChange')}</p>
          </section>
        </div>

        <footer class="next">
          <p>{t('welcomeNext')}</p>
          <button type="button" class="primary" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('welcomeSettings')}
          </button>
        </footer>
      </main>
      {open && <SidePanel card={open} theme={theme} onClose={() => setOpen(null)} />}
    </I18n.Provider>
  );
}
