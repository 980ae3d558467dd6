/** What is marked, where on the page, how quickly tooltips open, and where ClaimLens is paused. */
import type { Translate } from '../../lib/i18n';
import {
  HOVER_DELAY_RANGE,
  MARKED_KINDS,
  type DisplaySettings,
  type MarkedKind,
} from '../../lib/display-settings';
import { useState } from 'preact/hooks';
import { siteOfInput, type PauseSettings } from '../../lib/pause-settings';

export interface DisplayFormProps {
  display: DisplaySettings;
  pause: PauseSettings;
  onDisplay(display: DisplaySettings): void;
  onPause(pause: PauseSettings): void;
  t: Translate;
}

const KIND_KEYS: Record<MarkedKind, string> = {
  group: 'optionsKindGroups',
  incident: 'optionsKindIncidents',
  person: 'optionsKindPeople',
  organization: 'optionsKindOrganizations',
};

export function DisplayForm({ display, pause, onDisplay, onPause, t }: DisplayFormProps) {
  const [site, setSite] = useState('');
  const [siteError, setSiteError] = useState('');
  const setKind = (kind: MarkedKind, on: boolean) =>
    onDisplay({
      ...display,
      kinds: MARKED_KINDS.filter((k) => (k === kind ? on : display.kinds.includes(k))),
    });
  return (
    <section aria-labelledby="display-title">
      <h2 id="display-title">{t('optionsDisplayTitle')}</h2>
      <fieldset>
        <legend>{t('optionsKindsLegend')}</legend>
        {MARKED_KINDS.map((kind) => (
          <label key={kind} class="check">
            <input
              type="checkbox"
              checked={display.kinds.includes(kind)}
              onChange={(e) => setKind(kind, (e.target as HTMLInputElement).checked)}
            />
            {t(KIND_KEYS[kind])}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('optionsScopeLegend')}</legend>
        {(['page', 'article'] as const).map((scope) => (
          <label key={scope} class="check">
            <input
              type="radio"
              name="scope"
              value={scope}
              checked={display.scope === scope}
              onChange={() => onDisplay({ ...display, scope })}
            />
            {t(scope === 'page' ? 'optionsScopePage' : 'optionsScopeArticle')}
          </label>
        ))}
      </fieldset>
      <label class="delay">
        {t('optionsHoverDelay')}
        <input
          type="number"
          min={HOVER_DELAY_RANGE.min}
          max={HOVER_DELAY_RANGE.max}
          step={50}
          value={display.hoverDelayMs}
          onChange={(e) => {
            const value = Number((e.target as HTMLInputElement).value);
            if (Number.isFinite(value))
              onDisplay({
                ...display,
                hoverDelayMs: Math.min(
                  HOVER_DELAY_RANGE.max,
                  Math.max(HOVER_DELAY_RANGE.min, Math.round(value)),
                ),
              });
          }}
        />
        {t('optionsMilliseconds')}
      </label>

      <fieldset>
        <legend>{t('optionsPauseLegend')}</legend>
        <label class="check">
          <input
            type="checkbox"
            checked={pause.everywhere}
            onChange={(e) => onPause({ ...pause, everywhere: (e.target as HTMLInputElement).checked })}
          />
          {t('optionsPauseEverywhere')}
        </label>
        {pause.sites.length === 0 ? (
          <p class="hint">{t('optionsPauseNoSites')}</p>
        ) : (
          <ul class="paused-sites" aria-label={t('optionsPausedSites')}>
            {pause.sites.map((site) => (
              <li key={site}>
                {site}{' '}
                <button
                  type="button"
                  aria-label={t('optionsResumeSiteLabel', site)}
                  onClick={() => onPause({ ...pause, sites: pause.sites.filter((s) => s !== site) })}
                >
                  {t('optionsResumeSite')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form
          class="pause-site"
          onSubmit={(e) => {
            e.preventDefault();
            const host = siteOfInput(site);
            if (!host) return setSiteError(t('optionsPauseSiteInvalid', site));
            setSiteError('');
            setSite('');
            if (!pause.sites.includes(host)) onPause({ ...pause, sites: [...pause.sites, host] });
          }}
        >
          <label>
            {t('optionsPauseSiteLabel')}{' '}
            <input
              type="text"
              inputMode="url"
              placeholder={t('optionsPauseSitePlaceholder')}
              value={site}
              aria-invalid={siteError !== ''}
              onInput={(e) => setSite((e.target as HTMLInputElement).value)}
            />
          </label>{' '}
          <button type="submit" disabled={site.trim() === ''}>
            {t('optionsPauseSite')}
          </button>
          {siteError && <p role="alert">{siteError}</p>}
        </form>
      </fieldset>
    </section>
  );
}
