import type { Route } from './demo-routes.js';

/** Routes for the static-file demo directory (adapter="static"). */
export const STATIC_DEMO_ROUTES: Route[] = [];
