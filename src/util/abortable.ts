/**
 * `work`, or the signal's reason as soon as the signal aborts. The work
 * itself goes on: it is shared (a data file, a directory's capabilities,
 * a static file being indexed), and a newer search may be waiting for it
 * too; only this caller stops waiting.
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
