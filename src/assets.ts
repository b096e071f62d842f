/**
 * Where the finder's data files (geo shards, the offline basemap) live.
 *
 * By default they sit in `spine-assets/` beside the script that loaded the
 * finder, so the drop-in works from any CDN path or self-hosted folder. A
 * bundled app, whose chunks move away from the package, points this at a
 * copy of `dist/spine-assets/` with `setAssetsPath()`.
 */
const ASSETS_FOLDER = './spine-assets/';

/**
 * How the data files are asked for: no cookies and no Referer, whatever the
 * host page's own policy. Their server (often a CDN) learns which file is
 * wanted, never which page asked (docs/security.md).
 */
export const DATA_REQUEST: Readonly<RequestInit> = { credentials: 'omit', referrerPolicy: 'no-referrer' };

let assetsPath: URL | undefined;

export function setAssetsPath(url: string | URL): void {
  const base = typeof document === 'undefined' ? undefined : document.baseURI;
  const path = new URL(url, base);
  if (!path.pathname.endsWith('/')) path.pathname += '/';
  assetsPath = path;
}

export function getAssetsPath(): URL {
  // A variable, not a literal, so bundlers do not try to inline the folder.
  return assetsPath ?? new URL(ASSETS_FOLDER, import.meta.url);
}
