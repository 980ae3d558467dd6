/** The reader's note drawn from its safe Markdown subset (lib/notes/note-markdown.ts) as Preact nodes, never as HTML. */
import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import { parseNoteMarkdown, type NoteInline } from '../lib/notes/note-markdown';

export interface NoteTextProps {
  text: string;
  /** The element's class (each view styles the note its own way). */
  class?: string;
  /** Draws the note in a <p> (default) or a <span> (inside a line, such as a list row). */
  as?: 'p' | 'span';
}

export function NoteText({ text, class: className, as = 'p' }: NoteTextProps) {
  const nodes = useMemo(() => parseNoteMarkdown(text), [text]);
  const Tag = as;
  return <Tag class={className}>{draw(nodes)}</Tag>;
}

function draw(nodes: readonly NoteInline[]): ComponentChildren {
  return nodes.map((node, i) => {
    switch (node.type) {
      case 'text':
        return node.text;
      case 'strong':
        return <strong key={i}>{draw(node.children)}</strong>;
      case 'em':
        return <em key={i}>{draw(node.children)}</em>;
      case 'link':
        // A new tab: the popup and the frames in a page would otherwise navigate themselves away.
        return (
          <a key={i} href={node.href} target="_blank" rel="noopener noreferrer">
            {draw(node.children)}
          </a>
        );
    }
  });
}
