import Supercluster from 'supercluster';

/**
 * The places on the map, one entry per site (a site is one address, where
 * one clinician or a whole group practice works), as parallel arrays so
 * they cross to a worker without copying.
 */
export interface SitePoints {
  lats: Float64Array;
  lngs: Float64Array;
  /** How many clinicians work at each site. */
  counts: Uint32Array;
}

/** What the map shows at a zoom: a cluster of sites, or one site. */
export type MapFeature =
  { kind: 'cluster'; id: number; lat: number; lng: number; providers: number } | { kind: 'site'; site: number };

/** [west, south, east, north] in degrees. */
export type Bounds = [number, number, number, number];

/** Above this zoom every site stands alone. */
export const CLUSTER_MAX_ZOOM = 16;
const CLUSTER_RADIUS_PX = 64;
const TILE_SIZE_PX = 256;

interface SiteProperties {
  site: number;
  providers: number;
}

/**
 * Clusters of sites for any view, with supercluster. Clusters count
 * clinicians, not sites, so "Cluster of 12 providers" is what a person finds
 * inside. Sites never cluster with themselves: co-located clinicians are one
 * site, opened as a list, never an unopenable stack of markers.
 */
export class ClusterCore {
  private readonly index: Supercluster<SiteProperties, { providers: number }>;
  private readonly points: SitePoints;

  constructor(points: SitePoints) {
    this.points = points;
    this.index = new Supercluster<SiteProperties, { providers: number }>({
      maxZoom: CLUSTER_MAX_ZOOM,
      radius: CLUSTER_RADIUS_PX,
      map: (properties) => ({ providers: properties.providers }),
      reduce: (accumulated, properties) => {
        accumulated.providers += properties.providers;
      },
    });
    const features: Array<Supercluster.PointFeature<SiteProperties>> = [];
    for (let site = 0; site < points.lats.length; site++) {
      features.push({
        type: 'Feature',
        properties: { site, providers: points.counts[site] },
        geometry: { type: 'Point', coordinates: [points.lngs[site], points.lats[site]] },
      });
    }
    this.index.load(features);
  }

  /** The clusters and lone sites inside `bounds` at `zoom`. */
  features(bounds: Bounds, zoom: number): MapFeature[] {
    return this.index.getClusters(bounds, Math.round(zoom)).map((feature) => {
      const properties = feature.properties as Partial<Supercluster.ClusterProperties> & SiteProperties;
      if (properties.cluster) {
        const [lng, lat] = feature.geometry.coordinates;
        return { kind: 'cluster', id: properties.cluster_id!, lat, lng, providers: properties.providers };
      }
      return { kind: 'site', site: properties.site };
    });
  }

  /** The zoom at which a cluster comes apart. */
  expansionZoom(clusterId: number): number {
    return this.index.getClusterExpansionZoom(clusterId);
  }

  /**
   * The lowest zoom, from `fromZoom` up, at which a site stands alone
   * rather than inside a cluster: where to zoom so its marker can be shown.
   */
  standAloneZoom(site: number, fromZoom: number): number {
    const lat = this.points.lats[site];
    const lng = this.points.lngs[site];
    for (let zoom = Math.max(0, Math.round(fromZoom)); zoom <= CLUSTER_MAX_ZOOM; zoom++) {
      // A cluster's point is the centre of its sites, so look around the site
      // twice the clustering radius.
      const reach = (2 * CLUSTER_RADIUS_PX * 360) / (TILE_SIZE_PX * 2 ** zoom);
      const near = this.index.getClusters([lng - reach, lat - reach, lng + reach, lat + reach], zoom);
      const alone = near.some((feature) => {
        const properties = feature.properties as Partial<Supercluster.ClusterProperties> & SiteProperties;
        return !properties.cluster && properties.site === site;
      });
      if (alone) {
        return zoom;
      }
    }
    return CLUSTER_MAX_ZOOM + 1;
  }
}
