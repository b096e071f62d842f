/**
 * Calls into a module worker and back, typed. The worker side answers calls
 * with `serveCalls`; the page side starts it with `WorkerClient.start` and
 * asks with `ask`. Used for work that must not hold up the page: indexing a
 * static directory, clustering a national map.
 *
 * Workers are optional everywhere: browsers refuse worker scripts from
 * another origin (a drop-in on a CDN) and a Content-Security-Policy may
 * forbid them, so every caller has a main-thread path for when `start`
 * gives nothing.
 *
 * On a page that requires Trusted Types (`require-trusted-types-for
 * 'script'`), `new Worker()` takes only a TrustedScriptURL. The finder makes
 * those with a policy of its own, named `spine-finder`, that vouches only
 * for scripts of the finder's own origin; the page's `trusted-types`
 * directive must name it, or the work stays on the main thread.
 */
import type { DirectoryErrorKind } from '../directory/adapter.js';
import { DirectoryError } from '../directory/adapter.js';

/** For each call a worker answers: what it takes and what it gives back. */
export type CallMap = Record<string, { args: unknown; result: unknown }>;

/** A call as posted to the worker; its reply repeats the id. */
export type WorkerRequest<Calls extends CallMap> = {
  [Call in keyof Calls]: { id: number; call: Call; args: Calls[Call]['args'] };
}[keyof Calls];

/** What a worker posts: `ready` once, unasked, when it has started; then one reply per request. */
export type WorkerReply<Calls extends CallMap> =
  | { type: 'ready' }
  | { type: 'done'; id: number; result: Calls[keyof Calls]['result'] }
  | { type: 'failed'; id: number; error: TransferredError };

/** An error as it crosses threads: a `DirectoryError` keeps its kind and status. */
export interface TransferredError {
  message: string;
  kind?: DirectoryErrorKind;
  status?: number;
}

type Handlers<Calls extends CallMap> = {
  [Call in keyof Calls]: (args: Calls[Call]['args']) => Calls[Call]['result'] | Promise<Calls[Call]['result']>;
};

/** The parts of a dedicated worker's global scope used here (the DOM lib does not describe workers). */
interface WorkerScope {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/** Inside a worker: answers each call with its handler, then says it is ready. */
export function serveCalls<Calls extends CallMap>(handlers: Handlers<Calls>): void {
  const scope = globalThis as unknown as WorkerScope;
  scope.addEventListener('message', ({ data }: MessageEvent<WorkerRequest<Calls>>) => {
    const { id, call, args } = data;
    Promise.resolve()
      .then(() => handlers[call](args))
      .then(
        (result) => scope.postMessage({ type: 'done', id, result } satisfies WorkerReply<Calls>),
        (error: unknown) =>
          scope.postMessage({ type: 'failed', id, error: transferable(error) } satisfies WorkerReply<Calls>),
      );
  });
  scope.postMessage({ type: 'ready' } satisfies WorkerReply<Calls>);
}

/** The name of the finder's Trusted Types policy, for a page's `trusted-types` directive. */
export const TRUSTED_TYPES_POLICY = 'spine-finder';

/** What the finder uses of the Trusted Types API (TypeScript's DOM types do not describe it). */
interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}
interface TrustedTypePolicyFactory {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptUrlPolicy;
}

/** The policy once made; `null` where the page's policy names do not include it. */
let scriptUrlPolicy: ScriptUrlPolicy | null | undefined;

function workerScriptPolicy(): ScriptUrlPolicy | null {
  if (scriptUrlPolicy !== undefined) return scriptUrlPolicy;
  const factory = (globalThis as { trustedTypes?: TrustedTypePolicyFactory }).trustedTypes;
  try {
    scriptUrlPolicy = factory?.createPolicy(TRUSTED_TYPES_POLICY, { createScriptURL: ownScript }) ?? null;
  } catch {
    // The page's trusted-types directive leaves the name out: a plain URL
    // serves where Trusted Types are not required, and elsewhere the
    // worker is refused and the main thread does the work.
    scriptUrlPolicy = null;
  }
  return scriptUrlPolicy;
}

/** The policy's one rule: only a script of the finder's own origin runs as a worker. */
function ownScript(url: string): string {
  if (new URL(url).origin !== new URL(import.meta.url).origin) {
    throw new TypeError(`spine-finder: ${url} is not one of the finder's worker scripts`);
  }
  return url;
}

/** What `WorkerClient.start` hands its `create` function: `new Worker`, with the script vouched for. */
export type WorkerConstructor = new (url: URL, options?: WorkerOptions) => Worker;

/**
 * `new Worker(url, options)`, with the URL as a TrustedScriptURL where the
 * browser has Trusted Types. A function called with `new` that returns an
 * object gives that object: the page's own Worker.
 */
const TrustedWorker = function (url: URL, options?: WorkerOptions): Worker {
  const script = workerScriptPolicy()?.createScriptURL(url.href) ?? url;
  return new Worker(script as URL, options);
} as unknown as WorkerConstructor;

/** Whether a worker can be started from this script: it must be on the page's origin. */
export function canStartWorkers(): boolean {
  return typeof Worker !== 'undefined' && new URL(import.meta.url).origin === globalThis.location?.origin;
}

/** The page's side of a worker: calls out, replies matched back by id. */
export class WorkerClient<Calls extends CallMap> {
  private readonly waiting = new Map<number, (reply: WorkerReply<Calls> | Error) => void>();
  private lastId = 0;
  private stopped?: Error;

  private constructor(
    private readonly worker: Worker,
    private readonly onStopped: () => void,
  ) {}

  /**
   * A started worker, or undefined when none can run here: the constructor
   * throws, or the script never starts (a Content-Security-Policy whose
   * worker-src leaves it out, a script that cannot load). `create` must
   * call `new Worker(new URL('./x.ts', import.meta.url), { type: 'module' })`
   * literally, so that bundlers find and emit the worker, with the `Worker`
   * it is given (`(Worker) => new Worker(…)`): that one hands the script to
   * the browser as Trusted Types require.
   */
  static async start<Calls extends CallMap>(
    create: (Worker: WorkerConstructor) => Worker,
    onStopped: () => void = () => {},
  ): Promise<WorkerClient<Calls> | undefined> {
    if (!canStartWorkers()) return undefined;
    let worker: Worker;
    try {
      worker = create(TrustedWorker);
    } catch {
      return undefined;
    }
    const started = await new Promise<boolean>((resolve) => {
      worker.addEventListener('message', () => resolve(true), { once: true });
      worker.addEventListener('error', () => resolve(false), { once: true });
    });
    if (!started) {
      worker.terminate();
      return undefined;
    }
    const client = new WorkerClient<Calls>(worker, onStopped);
    worker.addEventListener('message', (event: MessageEvent<WorkerReply<Calls>>) => client.receive(event.data));
    worker.addEventListener('error', () => client.stop());
    return client;
  }

  ask<Call extends keyof Calls>(
    call: Call,
    args: Calls[Call]['args'],
    transfer: Transferable[] = [],
  ): Promise<Calls[Call]['result']> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = ++this.lastId;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (reply) => {
        if (reply instanceof Error) reject(reply);
        else if (reply.type === 'failed') reject(received(reply.error));
        // The id pairs this reply with this call, so its result is this call's.
        else if (reply.type === 'done') resolve(reply.result as Calls[Call]['result']);
      });
      this.worker.postMessage({ id, call, args }, transfer);
    });
  }

  terminate(): void {
    this.worker.terminate();
  }

  private receive(reply: WorkerReply<Calls>): void {
    if (reply.type === 'ready') return;
    const settle = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    settle?.(reply);
  }

  /** The worker died (out of memory, say): what waits on it fails, and it is asked nothing more. */
  private stop(): void {
    this.stopped = new Error('spine-finder: a worker stopped');
    this.worker.terminate();
    for (const settle of this.waiting.values()) settle(this.stopped);
    this.waiting.clear();
    this.onStopped();
  }
}

function transferable(error: unknown): TransferredError {
  if (error instanceof DirectoryError) return { message: error.message, kind: error.kind, status: error.status };
  return { message: error instanceof Error ? error.message : String(error) };
}

function received({ message, kind, status }: TransferredError): Error {
  return kind ? new DirectoryError(kind, message, status) : new Error(message);
}
