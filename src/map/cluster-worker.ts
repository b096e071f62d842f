/**
 * Groups a map's clinicians into sites and clusters them off the main
 * thread, so 100,000 clinicians do not freeze the page while the index is
 * built. One worker per map.
 */
import { serveCalls } from '../workers/worker-rpc.js';
import type { Bounds, MapFeature, MatchPoints, SiteLayout } from './cluster-core.js';
import { ClusterCore } from './cluster-core.js';

export type ClusterWorkerCalls = {
  /** Index these clinicians, replacing any before; returns how they group into sites. */
  load: { args: { generation: number; points: MatchPoints }; result: SiteLayout };
  features: { args: { generation: number; bounds: Bounds; zoom: number }; result: MapFeature[] | undefined };
  expansionZoom: { args: { generation: number; clusterId: number }; result: number | undefined };
  standAloneZoom: { args: { generation: number; site: number; fromZoom: number }; result: number | undefined };
};

let core: ClusterCore | undefined;
let current = 0;

serveCalls<ClusterWorkerCalls>({
  load: ({ generation, points }) => {
    core = new ClusterCore(points);
    current = generation;
    // A copy goes back: the worker keeps its own layout for later calls.
    return core.sites;
  },
  // Asked about an older set of clinicians, the worker says nothing rather than answer wrongly.
  features: ({ generation, bounds, zoom }) => (generation === current ? core?.features(bounds, zoom) : undefined),
  expansionZoom: ({ generation, clusterId }) => (generation === current ? core?.expansionZoom(clusterId) : undefined),
  standAloneZoom: ({ generation, site, fromZoom }) =>
    generation === current ? core?.standAloneZoom(site, fromZoom) : undefined,
});
