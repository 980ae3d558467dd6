/** A labelled file chooser that hands over the chosen file's text, then clears itself for the next pick. */
import type { ComponentChildren } from 'preact';

export interface FilePickerProps {
  /** The label's class (the look of a button, in each page's own style sheet). */
  class: string;
  accept: string;
  disabled?: boolean;
  onFile(text: string, fileName: string): void;
  children: ComponentChildren;
}

export function FilePicker({ class: className, accept, disabled, onFile, children }: FilePickerProps) {
  return (
    <label class={className}>
      {children}
      <input
        type="file"
        accept={accept}
        disabled={disabled}
        onChange={async (event) => {
          const input = event.target as HTMLInputElement;
          const file = input.files?.[0];
          if (file) onFile(await readText(file), file.name);
          input.value = '';
        }}
      />
    </label>
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
