/**
 * Export and import in one menu: a button that opens a list of menu items (keyboard: Enter, Space or
 * ArrowDown opens it, the arrows, Home and End move, Escape closes it and returns to the button).
 * Export writes the selection, else every note listed. Import reads a file in the popup (Chromium), or
 * opens the options page where the file is chosen (Firefox may close a popup when its file picker opens).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '../../lib/i18n';
import type { ExportFormat } from '../../lib/notes/exchange/export-file';

export type { ExportFormat };

export interface ExchangeMenuProps {
  count: number;
  /** Whether `count` is the reader's selection rather than everything listed. */
  selection?: boolean;
  onExport(format: ExportFormat): void;
  /** Import here: the menu item opens the file picker, whose file's text is handed over. */
  onImport?(text: string): void;
  /** Import elsewhere (Firefox): the menu item calls this instead. */
  onImportElsewhere?(): void;
  t: Translate;
}

const FORMATS: { id: ExportFormat; key: string }[] = [
  { id: 'markdown', key: 'popupExportMarkdown' },
  { id: 'csv', key: 'popupExportCsv' },
  { id: 'json', key: 'popupExportJson' },
  { id: 'web-annotation', key: 'popupExportWebAnnotation' },
  { id: 'hypothesis', key: 'popupExportHypothesis' },
];

export const IMPORT_ACCEPT = '.json,.jsonld,application/json,application/ld+json';

export function ExchangeMenu({
  count,
  selection,
  onExport,
  onImport,
  onImportElsewhere,
  t,
}: ExchangeMenuProps) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const file = useRef<HTMLInputElement>(null);
  const items = () => [
    ...(menu.current?.querySelectorAll<HTMLElement>('[role=menuitem]:not([aria-disabled=true])') ?? []),
  ];
  const focusItem = (index: number) => {
    const all = items();
    all[(index + all.length) % all.length]?.focus();
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  // A click outside closes the menu.
  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node) && !button.current?.contains(event.target as Node))
        setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);
  const [first, setFirst] = useState<'first' | 'last' | null>(null);
  useEffect(() => {
    if (!open || !first) return;
    focusItem(first === 'first' ? 0 : -1);
    setFirst(null);
  }, [open, first]);

  const act = (run: () => void) => {
    close(true);
    run();
  };
  return (
    <div class="exchange">
      <button
        ref={button}
        type="button"
        class="menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls="exchange-menu"
        onClick={() => {
          setOpen(!open);
          if (!open) setFirst('first');
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setOpen(true);
            setFirst(event.key === 'ArrowDown' ? 'first' : 'last');
          }
        }}
      >
        {t('popupExchange')}
        <svg class="chevron down" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M4 6l4 4 4-4" />
        </svg>
      </button>
      {/* The file input stays in the page (hidden) so the menu item can open its picker. */}
      {onImport && (
        <input
          ref={file}
          type="file"
          class="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          accept={IMPORT_ACCEPT}
          onChange={(event) => {
            const input = event.target as HTMLInputElement;
            const chosen = input.files?.[0];
            if (chosen) void readText(chosen).then(onImport);
            input.value = '';
          }}
        />
      )}
      {open && (
        <div
          ref={menu}
          id="exchange-menu"
          class="menu"
          role="menu"
          aria-label={t('popupExchange')}
          onKeyDown={(event) => {
            const all = items();
            const at = all.indexOf(document.activeElement as HTMLElement);
            if (event.key === 'ArrowDown') focusItem(at + 1);
            else if (event.key === 'ArrowUp') focusItem(at - 1);
            else if (event.key === 'Home') focusItem(0);
            else if (event.key === 'End') focusItem(-1);
            else if (event.key === 'Escape') close(true);
            else if (event.key === 'Tab') close(false);
            else return;
            if (event.key !== 'Tab') event.preventDefault();
          }}
        >
          <div class="menu-label" role="presentation">
            {t(selection ? 'popupExportSelectedAs' : 'popupExportAs', count.toLocaleString())}
          </div>
          {FORMATS.map((f) => (
            <button
              key={f.id}
              type="button"
              role="menuitem"
              tabIndex={-1}
              aria-disabled={count === 0}
              onClick={() => count > 0 && act(() => onExport(f.id))}
            >
              {t(f.key)}
            </button>
          ))}
          <div class="menu-separator" role="separator" />
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            onClick={() => act(() => (onImportElsewhere ? onImportElsewhere() : file.current?.click()))}
          >
            {t(onImportElsewhere ? 'popupImportInTab' : 'popupImportNotes')}
          </button>
        </div>
      )}
    </div>
  );
}

/** The file's text (FileReader rather than Blob.text(), which older engines lack). */
function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsText(file);
  });
}
