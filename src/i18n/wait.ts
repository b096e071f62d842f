/**
 * A wait as words in a language: "45 seconds", "3 minutes" (whole seconds
 * under two minutes, else minutes rounded up), for a directory that asked
 * to be left alone for a while.
 */
export function formatWait(seconds: number, lang: string): string {
  const inMinutes = seconds >= 120;
  return new Intl.NumberFormat(lang, {
    style: 'unit',
    unit: inMinutes ? 'minute' : 'second',
    unitDisplay: 'long',
  }).format(inMinutes ? Math.ceil(seconds / 60) : Math.max(1, Math.ceil(seconds)));
}
