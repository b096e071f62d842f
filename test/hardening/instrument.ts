/**
 * Counts what a finder leaves behind: listeners on window and document,
 * timers and animation frames not yet run or cleared, fetches not yet
 * settled, workers not ended, and Leaflet maps not removed. Installed before
 * a finder is made (it wraps the globals the finder and Leaflet reach for
 * at call time), and read against a snapshot taken then.
 */
import * as L from 'leaflet/dist/leaflet-src.esm.js';

export interface Leftovers {
  /** `type` of each listener still on window or document, with where it was added. */
  listeners: string[];
  /** Timers and frames still to run, each with where it was set. */
  timers: string[];
  fetches: string[];
  workers: number;
  maps: number;
}

export interface Instrument {
  /** What is there now that was not at the snapshot. */
  since(snapshot: Leftovers): Leftovers;
  now(): Leftovers;
  remove(): void;
}

/** The finder's own code and the libraries it runs in the page, as they appear in a stack. */
const FINDER_CODE = new RegExp(
  `${location.origin}/(src|node_modules/(leaflet|lit|lit-html|lit-element|@lit|pmtiles|protomaps-leaflet|supercluster|zod))/`,
);

/**
 * Where the finder's code made this call, or undefined when none of it is on
 * the stack (the test runner's own timers, a test helper's).
 */
function finderOrigin(): string | undefined {
  const frame = new Error().stack?.split('\n').find((line) => FINDER_CODE.test(line));
  return frame?.trim().replace(/\?[^:)]*/, '');
}

type TimerCallback = (...args: unknown[]) => void;

export function instrument(): Instrument {
  const stackTraceLimit = Error.stackTraceLimit;
  // Deep enough to reach the finder's frame under Lit's and Leaflet's own.
  Error.stackTraceLimit = 60;
  const saved = {
    addEventListener: EventTarget.prototype.addEventListener,
    removeEventListener: EventTarget.prototype.removeEventListener,
    setTimeout: window.setTimeout,
    clearTimeout: window.clearTimeout,
    setInterval: window.setInterval,
    clearInterval: window.clearInterval,
    requestAnimationFrame: window.requestAnimationFrame,
    cancelAnimationFrame: window.cancelAnimationFrame,
    fetch: window.fetch,
    Worker: window.Worker,
  };
  const realSetTimeout = saved.setTimeout.bind(window) as unknown as (
    handler: TimerCallback,
    ms?: number,
    ...args: unknown[]
  ) => number;
  const realSetInterval = saved.setInterval.bind(window) as unknown as (
    handler: TimerCallback,
    ms?: number,
    ...args: unknown[]
  ) => number;

  // Listeners by target, type, function and capture, as the DOM tells them apart.
  const listeners = new Map<string, string>();
  const functionIds = new WeakMap<object, number>();
  let nextFunctionId = 0;
  const listenerKey = (target: EventTarget, type: string, listener: unknown, options: unknown) => {
    if (listener === null || (typeof listener !== 'function' && typeof listener !== 'object')) return undefined;
    if (!functionIds.has(listener)) functionIds.set(listener, ++nextFunctionId);
    const capture = typeof options === 'boolean' ? options : Boolean((options as { capture?: boolean })?.capture);
    return `${target === window ? 'window' : 'document'} ${type} ${functionIds.get(listener)} ${capture}`;
  };
  EventTarget.prototype.addEventListener = function (this: EventTarget, type, listener, options) {
    if (this === window || this === document) {
      const key = listenerKey(this, type, listener, options);
      const once = typeof options === 'object' && options?.once;
      const where = finderOrigin();
      if (key && where && !once && !listeners.has(key)) listeners.set(key, `${key.split(' ', 2).join(' ')} ${where}`);
    }
    return saved.addEventListener.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (this: EventTarget, type, listener, options) {
    if (this === window || this === document) {
      const key = listenerKey(this, type, listener, options);
      if (key) listeners.delete(key);
    }
    return saved.removeEventListener.call(this, type, listener, options);
  };

  const timers = new Map<string, string>();
  window.setTimeout = ((handler: TimerCallback, ms?: number, ...args: unknown[]) => {
    const where = finderOrigin();
    const id = realSetTimeout(
      (...callArgs: unknown[]) => {
        timers.delete(`timeout ${id}`);
        handler(...callArgs);
      },
      ms,
      ...args,
    );
    if (where) timers.set(`timeout ${id}`, `setTimeout(${ms ?? 0}) ${where}`);
    return id;
  }) as unknown as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    timers.delete(`timeout ${id}`);
    saved.clearTimeout.call(window, id);
  }) as typeof window.clearTimeout;
  window.setInterval = ((handler: TimerCallback, ms?: number, ...args: unknown[]) => {
    const where = finderOrigin();
    const id = realSetInterval(handler, ms, ...args);
    if (where) timers.set(`interval ${id}`, `setInterval(${ms ?? 0}) ${where}`);
    return id;
  }) as unknown as typeof window.setInterval;
  window.clearInterval = ((id?: number) => {
    timers.delete(`interval ${id}`);
    saved.clearInterval.call(window, id);
  }) as typeof window.clearInterval;
  window.requestAnimationFrame = (callback: FrameRequestCallback) => {
    const where = finderOrigin();
    const id = saved.requestAnimationFrame.call(window, (time) => {
      timers.delete(`frame ${id}`);
      callback(time);
    });
    if (where) timers.set(`frame ${id}`, `requestAnimationFrame ${where}`);
    return id;
  };
  window.cancelAnimationFrame = (id: number) => {
    timers.delete(`frame ${id}`);
    saved.cancelAnimationFrame.call(window, id);
  };

  const fetches = new Set<string>();
  let fetchCount = 0;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const key = `${++fetchCount} ${input instanceof Request ? input.url : String(input)}`;
    const answer = saved.fetch.call(window, input, init);
    if (!finderOrigin()) return answer;
    fetches.add(key);
    // The body may still be read after the answer: the fetch is settled once the caller is done with it.
    answer.then(
      (response) => {
        const body = response.clone().arrayBuffer();
        void body.then(
          () => fetches.delete(key),
          () => fetches.delete(key),
        );
      },
      () => fetches.delete(key),
    );
    return answer;
  };

  const workers = new Set<Worker>();
  window.Worker = class CountedWorker extends saved.Worker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      workers.add(this);
    }

    override terminate(): void {
      workers.delete(this);
      super.terminate();
    }
  };

  const maps = new Set<L.Map>();
  // Leaflet runs init hooks for every map it makes, and a map fires `unload` as `remove()` destroys it.
  L.Map.addInitHook(function (this: L.Map) {
    maps.add(this);
    this.once('unload', () => maps.delete(this));
  });
  const liveMaps = () => maps.size;

  const now = (): Leftovers => ({
    listeners: [...listeners.values()],
    timers: [...timers.values()],
    fetches: [...fetches],
    workers: workers.size,
    maps: liveMaps(),
  });
  return {
    now,
    since(snapshot) {
      const current = now();
      return {
        listeners: current.listeners.filter((entry) => !snapshot.listeners.includes(entry)),
        timers: current.timers.filter((entry) => !snapshot.timers.includes(entry)),
        fetches: current.fetches.filter((entry) => !snapshot.fetches.includes(entry)),
        workers: current.workers - snapshot.workers,
        maps: current.maps - snapshot.maps,
      };
    },
    remove() {
      Error.stackTraceLimit = stackTraceLimit;
      Object.assign(EventTarget.prototype, {
        addEventListener: saved.addEventListener,
        removeEventListener: saved.removeEventListener,
      });
      Object.assign(window, {
        setTimeout: saved.setTimeout,
        clearTimeout: saved.clearTimeout,
        setInterval: saved.setInterval,
        clearInterval: saved.clearInterval,
        requestAnimationFrame: saved.requestAnimationFrame,
        cancelAnimationFrame: saved.cancelAnimationFrame,
        fetch: saved.fetch,
        Worker: saved.Worker,
      });
    },
  };
}
