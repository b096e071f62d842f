/**
 * The shape of the demo server's routes. Each answers a request it owns and
 * returns true, or returns false to let the next route try. The Vite plugin
 * (npm start, Storybook), the static server and the test runner all use the
 * same routes, so every page reads the same data the same way.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export type Route = (url: URL, request: IncomingMessage, response: ServerResponse) => boolean;

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'access-control-allow-origin': '*',
    'cache-control': 'no-store',
    ...headers,
  });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
}
