/**
 * A download every search of an adapter needs (the CapabilityStatement, the
 * ZIP prefix boxes): started by the first search that asks, kept once it
 * succeeds, forgotten when it fails so that a later search tries again.
 *
 * One search's abort must not cancel a download a newer search waits for,
 * so the download runs to its end and each caller stops waiting on its own
 * signal.
 */
import { untilAborted } from '../../util/abortable.js';

export function sharedLoad<T>(load: () => Promise<T>): (signal: AbortSignal) => Promise<T> {
  let pending: Promise<T> | undefined;
  return (signal) => {
    if (!pending) {
      const started = load();
      pending = started;
      started.catch(() => {
        if (pending === started) pending = undefined;
      });
    }
    return untilAborted(pending, signal);
  };
}
