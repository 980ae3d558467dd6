/**
 * Copies plain text from ClaimLens's panels in a page. The async Clipboard API needs a secure page, a
 * focused document and the reader's click (transient activation), which a press of a panel's button
 * gives; where the page's policy or an older browser refuses it, a hidden text field in ClaimLens's
 * own shadow root is selected and copied with the copy command instead.
 */
export async function copyText(text: string, scratch: HTMLElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // refused: try the copy command below
  }
  const root = scratch.getRootNode() as Document | ShadowRoot;
  const back = root.activeElement as HTMLElement | null;
  const field = scratch.ownerDocument.createElement('textarea');
  field.value = text;
  field.readOnly = true;
  field.setAttribute('aria-hidden', 'true');
  field.style.cssText = 'position:fixed;top:0;left:0;width:1px;height:1px;opacity:0';
  scratch.append(field);
  field.select();
  let copied = false;
  try {
    copied = scratch.ownerDocument.execCommand('copy');
  } catch {
    copied = false;
  }
  field.remove();
  back?.focus({ preventScroll: true });
  return copied;
}
