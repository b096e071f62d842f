/**
 * How every browser test launches Chromium: Debian's package (or CHROME_PATH),
 * headless, as root without the sandbox, and with nothing that phones home
 * (this machine and CI have no network beyond the package registries).
 */
export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
