/** Saving files from the renderer, the same in both hosts (Electron handles an <a download> click as a download too). */

/** Clicks a temporary <a download> for `href`. */
export function downloadUrl(href: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  downloadUrl(url, fileName);
  // the click only starts the download: keep the object URL alive for it a little longer
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}

export function downloadText(fileName: string, text: string, type = 'text/plain'): void {
  downloadBlob(new Blob([text], { type: `${type};charset=utf-8` }), fileName);
}

/** A file name without characters Windows, macOS or Linux refuse. */
export const safeFileName = (s: string, fallback = 'export') =>
  s
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80) || fallback;
