import type { Route } from './demo-routes.js';

/** Routes for the FHIR Plan-Net demo server (adapter="fhir"). */
export const FHIR_DEMO_ROUTES: Route[] = [];
