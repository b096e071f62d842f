import { DirectoryError } from './adapter.js';
import type { RequestPolicy } from './request-policy.js';

export { DEFAULT_REQUEST_POLICY, MAX_RESPONSE_BYTES } from './request-policy.js';
export type { RequestPolicy } from './request-policy.js';

/** docs/security.md: the directory may know which site asks, not which page. */
export const DIRECTORY_REFERRER_POLICY: ReferrerPolicy = 'strict-origin-when-cross-origin';

const FIRST_BACKOFF_MS = 500;
/** A Retry-After longer than this is not waited for: the person gets Retry. */
const MAX_WAIT_MS = 8_000;

/**
 * GETs JSON from a directory. Retries with exponential backoff on network
 * errors, 5xx and 429 (honouring Retry-After), never on timeouts or other
 * 4xx; every
 * failure a person should hear about becomes a `DirectoryError`. The caller's
 * abort passes through as the AbortError it is.
 */
export async function fetchJson(url: URL, policy: RequestPolicy, signal: AbortSignal): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await attemptFetch(url, policy, signal);
    } catch (error) {
      const wait = attempt < policy.retries ? retryDelay(error, attempt) : undefined;
      if (wait === undefined || signal.aborted) throw error;
      await sleep(wait, signal);
    }
  }
}

/** A 5xx or a 429, which the retry loop may try again (after its Retry-After). */
class RetryableHttpError extends DirectoryError {
  constructor(status: number, url: URL, retryAfterMs: number | undefined) {
    super('http', `${url.origin} answered HTTP ${status}`, status, retryAfterMs);
  }
}

async function attemptFetch(url: URL, policy: RequestPolicy, signal: AbortSignal): Promise<unknown> {
  const timeout = AbortSignal.timeout(policy.timeoutMs);
  let text: string;
  try {
    const response = await fetch(url, {
      signal: AbortSignal.any([signal, timeout]),
      credentials: policy.credentials,
      // Whatever the host page's own policy: a directory elsewhere learns the page's origin (as CORS's Origin
      // header tells it anyway), never its path or query.
      referrerPolicy: DIRECTORY_REFERRER_POLICY,
      headers: { Accept: 'application/json, application/fhir+json', ...policy.headers },
    });
    if (!response.ok) {
      if (response.status >= 500 || response.status === 429) {
        throw new RetryableHttpError(response.status, url, parseRetryAfter(response.headers.get('Retry-After')));
      }
      throw new DirectoryError('http', `${url.origin} answered HTTP ${response.status}`, response.status);
    }
    text = await readText(response, policy.maxBytes, url);
  } catch (error) {
    throw describeFailure(error, signal, timeout);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new DirectoryError('invalid-response', `The response from ${url.origin} is not JSON (or was cut short)`);
  }
}

/**
 * The body as text, read no further than `maxBytes`: a Content-Length over
 * the limit fails before anything is read, a body that grows past it (an
 * endless stream, a compressed bomb) fails as soon as it does.
 */
async function readText(response: Response, maxBytes: number, url: URL): Promise<string> {
  const tooLarge = () =>
    new DirectoryError(
      'invalid-response',
      `The response from ${url.origin} is larger than the ${describeBytes(maxBytes)} the finder reads`,
    );
  const declared = Number(response.headers.get('Content-Length') ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) return response.text();
  let bytes = 0;
  // Counted on the way through; an error here cancels the download (and reaches text() as a bare TypeError).
  const counted = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytes += chunk.byteLength;
        if (bytes > maxBytes) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  try {
    return await new Response(counted).text();
  } catch (error) {
    throw bytes > maxBytes ? tooLarge() : error;
  }
}

function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${bytes} bytes`;
}

function describeFailure(error: unknown, signal: AbortSignal, timeout: AbortSignal): unknown {
  // The caller's own abort passes through untouched: it is not a failure.
  if (signal.aborted || error instanceof DirectoryError) return error;
  if (timeout.aborted) return new DirectoryError('timeout', 'The directory did not answer in time');
  if (typeof navigator !== 'undefined' && navigator.onLine === false) {
    return new DirectoryError('offline', 'The browser is offline');
  }
  return new DirectoryError('network', error instanceof Error ? error.message : String(error));
}

/** How long to wait before the next attempt, or undefined not to retry. */
function retryDelay(error: unknown, attempt: number): number | undefined {
  const backoff = FIRST_BACKOFF_MS * 2 ** attempt;
  if (error instanceof RetryableHttpError) {
    const wait = error.retryAfterMs ?? backoff;
    return wait <= MAX_WAIT_MS ? wait : undefined;
  }
  // A timeout already cost the person the whole timeout: tell them instead.
  if (error instanceof DirectoryError && error.kind === 'network') return backoff;
  return undefined;
}

/** Retry-After in seconds or as an HTTP date, in milliseconds from now. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  // Digits are seconds; a signed number is neither seconds nor a date.
  if (/^[-+]?\d+$/.test(trimmed)) return /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : undefined;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
