import { WorkerClient } from '../workers/worker-rpc.js';
import type { Bounds, MapFeature, MatchPoints, SiteLayout } from './cluster-core.js';
import { ClusterCore } from './cluster-core.js';
import type { ClusterWorkerCalls } from './cluster-worker.js';

/**
 * The clustering a map view asks for, answered by a worker where one can run
 * and on the main thread otherwise. Each load starts a new generation;
 * answers about an older one come back `undefined`, so a slow reply about
 * yesterday's results can never draw over today's.
 */
export interface ClusterIndex {
  /** Indexes these clinicians; resolves with how they group into sites. */
  load(points: MatchPoints): Promise<SiteLayout>;
  features(bounds: Bounds, zoom: number): Promise<MapFeature[] | undefined>;
  expansionZoom(clusterId: number): Promise<number | undefined>;
  standAloneZoom(site: number, fromZoom: number): Promise<number | undefined>;
  destroy(): void;
}

export async function createClusterIndex(): Promise<ClusterIndex> {
  const worker = await WorkerClient.start<ClusterWorkerCalls>(
    (Worker) => new Worker(new URL('./cluster-worker.ts', import.meta.url), { type: 'module' }),
  );
  return worker ? new WorkerClusterIndex(worker) : new MainThreadClusterIndex();
}

class WorkerClusterIndex implements ClusterIndex {
  private generation = 0;

  constructor(private readonly worker: WorkerClient<ClusterWorkerCalls>) {}

  load(points: MatchPoints): Promise<SiteLayout> {
    const generation = ++this.generation;
    // The caller's arrays move to the worker: it builds them for this call only.
    return this.worker.ask('load', { generation, points }, [points.lats.buffer, points.lngs.buffer]);
  }

  features(bounds: Bounds, zoom: number) {
    return this.worker.ask('features', { generation: this.generation, bounds, zoom });
  }

  expansionZoom(clusterId: number) {
    return this.worker.ask('expansionZoom', { generation: this.generation, clusterId });
  }

  standAloneZoom(site: number, fromZoom: number) {
    return this.worker.ask('standAloneZoom', { generation: this.generation, site, fromZoom });
  }

  destroy(): void {
    this.worker.terminate();
  }
}

class MainThreadClusterIndex implements ClusterIndex {
  private core?: ClusterCore;

  async load(points: MatchPoints): Promise<SiteLayout> {
    this.core = new ClusterCore(points);
    return this.core.sites;
  }

  async features(bounds: Bounds, zoom: number) {
    return this.core?.features(bounds, zoom);
  }

  async expansionZoom(clusterId: number) {
    return this.core?.expansionZoom(clusterId);
  }

  async standAloneZoom(site: number, fromZoom: number) {
    return this.core?.standAloneZoom(site, fromZoom);
  }

  destroy(): void {
    this.core = undefined;
  }
}
