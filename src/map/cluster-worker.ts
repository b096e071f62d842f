/**
 * Clusters a map's sites off the main thread, so 100,000 clinicians do not
 * freeze the page while supercluster builds its index. One worker per map.
 */
import { serveCalls } from '../workers/worker-rpc.js';
import type { Bounds, MapFeature, SitePoints } from './cluster-core.js';
import { ClusterCore } from './cluster-core.js';

export type ClusterWorkerCalls = {
  /** Index these sites, replacing any before; returns the generation it answers to. */
  load: { args: { generation: number; points: SitePoints }; result: number };
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
    return generation;
  },
  // Asked about an older set of sites, the worker says nothing rather than answer wrongly.
  features: ({ generation, bounds, zoom }) => (generation === current ? core?.features(bounds, zoom) : undefined),
  expansionZoom: ({ generation, clusterId }) => (generation === current ? core?.expansionZoom(clusterId) : undefined),
  standAloneZoom: ({ generation, site, fromZoom }) =>
    generation === current ? core?.standAloneZoom(site, fromZoom) : undefined,
});
