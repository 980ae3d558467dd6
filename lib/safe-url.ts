/** Whether an address is a web page's (http or https): the only pages ClaimLens reads. */
export function isWebAddress(url: string): boolean {
  return /^https?:/.test(url);
}

/** Links from packs are followed only when they are plain http(s) URLs. */
export function safeHttpUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
