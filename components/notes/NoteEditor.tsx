/** Writing or editing a note: text, tags with type-ahead, a colour with a meaning. Ctrl+Enter saves. */
import { useRef, useState } from 'preact/hooks';
import { DEFAULT_COLORS, type ColorId } from '../../lib/notes/note-types';
import { useT } from '../i18n';
import { colorName } from '../labels';

export interface NoteValues {
  text: string;
  tags: string[];
  color: ColorId;
}

export interface NoteEditorProps {
  quote: string;
  initial: NoteValues;
  knownTags: readonly string[];
  /** The reader's own names for the colours, where renamed. */
  colorLabels?: Partial<Record<ColorId, string>>;
  saving?: boolean;
  error?: string;
  onSave(values: NoteValues): void;
  onCancel(): void;
}

const QUOTE_PREVIEW = 280;

export function NoteEditor(props: NoteEditorProps) {
  const t = useT();
  const [text, setText] = useState(props.initial.text);
  const [tags, setTags] = useState<string[]>(props.initial.tags);
  const [draftTag, setDraftTag] = useState('');
  const [color, setColor] = useState<ColorId>(props.initial.color);
  const listId = useRef(`cl-tags-${Math.random().toString(36).slice(2)}`).current;

  const addTag = (raw: string) => {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (tag && !tags.includes(tag)) setTags([...tags, tag]);
    setDraftTag('');
  };
  const save = () => {
    const pending = draftTag.trim();
    props.onSave({ text, tags: pending && !tags.includes(pending) ? [...tags, pending] : tags, color });
  };
  const quote = props.quote.length > QUOTE_PREVIEW ? `${props.quote.slice(0, QUOTE_PREVIEW)}…` : props.quote;

  return (
    <form
      class="cl-note-editor"
      aria-label={t('noteEditorLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          save();
        } else if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          props.onCancel();
        }
      }}
    >
      <blockquote class="cl-note-quote">{quote}</blockquote>
      <label class="cl-field">
        <span>{t('noteEditorNote')}</span>
        <textarea
          value={text}
          rows={3}
          autoFocus
          placeholder={t('noteEditorPlaceholder')}
          onInput={(event) => setText((event.target as HTMLTextAreaElement).value)}
        />
      </label>
      <div class="cl-field">
        <span id={`${listId}-label`}>{t('noteTags')}</span>
        <ul class="cl-tags" aria-labelledby={`${listId}-label`}>
          {tags.map((tag) => (
            <li key={tag}>
              {tag}
              <button
                type="button"
                aria-label={t('noteEditorRemoveTag', tag)}
                onClick={() => setTags(tags.filter((other) => other !== tag))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <input
          type="text"
          list={listId}
          value={draftTag}
          aria-label={t('noteEditorAddTag')}
          placeholder={t('noteEditorAddTagPlaceholder')}
          onInput={(event) => {
            const value = (event.target as HTMLInputElement).value;
            if (value.endsWith(',')) addTag(value.slice(0, -1));
            else setDraftTag(value);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey && draftTag.trim()) {
              event.preventDefault();
              addTag(draftTag);
            }
          }}
        />
        <datalist id={listId}>
          {props.knownTags
            .filter((known) => !tags.includes(known))
            .map((known) => (
              <option key={known} value={known} />
            ))}
        </datalist>
      </div>
      <fieldset class="cl-colors">
        <legend>{t('noteEditorColour')}</legend>
        {DEFAULT_COLORS.map((c) => (
          <label key={c.id} class={`cl-color cl-color-${c.id}`}>
            <input
              type="radio"
              name="color"
              value={c.id}
              checked={color === c.id}
              onChange={() => setColor(c.id)}
            />
            <span class="cl-swatch" aria-hidden="true" />
            {colorName(t, c.id, props.colorLabels)}
          </label>
        ))}
      </fieldset>
      {props.error && (
        <p class="cl-error" role="alert">
          {props.error}
        </p>
      )}
      <div class="cl-actions">
        <button type="submit" disabled={props.saving}>
          {props.saving ? t('noteEditorSaving') : t('noteEditorSave')} <kbd>Ctrl+Enter</kbd>
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('noteEditorCancel')}
        </button>
      </div>
    </form>
  );
}
