import Supercluster from 'supercluster';

/** Where each clinician on the map is, as parallel arrays that cross to a worker without copying. */
export interface MatchPoints {
  lats: Float64Array;
  lngs: Float64Array;
}

/**
 * The clinicians grouped into sites: a site is one point (to about a metre)
 * where one clinician or a whole group practice works. Parallel arrays:
 * `siteOf[match]` is a clinician's site; a site's clinicians are
 * `members[offsets[site] … offsets[site + 1]]`, in the order of the results.
 */
export interface SiteLayout {
  siteOf: Int32Array;
  offsets: Int32Array;
  members: Int32Array;
  lats: Float64Array;
  lngs: Float64Array;
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
/** Five decimals of a degree: about a metre, so one building is one site. */
const SITE_PRECISION = 1e5;

interface SiteProperties {
  site: number;
  providers: number;
}

/** Groups clinicians who share a point into sites. */
export function layOutSites({ lats, lngs }: MatchPoints): SiteLayout {
  const count = lats.length;
  const siteOf = new Int32Array(count);
  const siteByKey = new Map<number, number>();
  const siteLats: number[] = [];
  const siteLngs: number[] = [];
  const sizes: number[] = [];
  for (let match = 0; match < count; match++) {
    // One number per point: latitude and longitude cells side by side.
    const key = Math.round(lats[match] * SITE_PRECISION) * 4e7 + Math.round(lngs[match] * SITE_PRECISION);
    let site = siteByKey.get(key);
    if (site === undefined) {
      site = siteLats.length;
      siteByKey.set(key, site);
      siteLats.push(lats[match]);
      siteLngs.push(lngs[match]);
      sizes.push(0);
    }
    siteOf[match] = site;
    sizes[site]++;
  }
  const offsets = new Int32Array(sizes.length + 1);
  for (let site = 0; site < sizes.length; site++) offsets[site + 1] = offsets[site] + sizes[site];
  const members = new Int32Array(count);
  const filled = offsets.slice(0, sizes.length);
  for (let match = 0; match < count; match++) members[filled[siteOf[match]]++] = match;
  return { siteOf, offsets, members, lats: Float64Array.from(siteLats), lngs: Float64Array.from(siteLngs) };
}

/**
 * Clusters of sites for any view, with supercluster. Clusters count
 * clinicians, not sites, so "Cluster of 12 providers" is what a person finds
 * inside. Sites never cluster with themselves: co-located clinicians are one
 * site, opened as a list, never an unopenable stack of markers.
 */
export class ClusterCore {
  readonly sites: SiteLayout;
  private readonly index: Supercluster<SiteProperties, { providers: number }>;

  constructor(points: MatchPoints) {
    this.sites = layOutSites(points);
    const { lats, lngs, offsets } = this.sites;
    this.index = new Supercluster<SiteProperties, { providers: number }>({
      maxZoom: CLUSTER_MAX_ZOOM,
      radius: CLUSTER_RADIUS_PX,
      map: (properties) => ({ providers: properties.providers }),
      reduce: (accumulated, properties) => {
        accumulated.providers += properties.providers;
      },
    });
    const features: Array<Supercluster.PointFeature<SiteProperties>> = [];
    for (let site = 0; site < lats.length; site++) {
      features.push({
        type: 'Feature',
        properties: { site, providers: offsets[site + 1] - offsets[site] },
        geometry: { type: 'Point', coordinates: [lngs[site], lats[site]] },
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
    const lat = this.sites.lats[site];
    const lng = this.sites.lngs[site];
    for (let zoom = Math.max(0, Math.round(fromZoom)); zoom <= CLUSTER_MAX_ZOOM; zoom++) {
      // A cluster's point is the centre of its sites, so look around the site
      // twice the clustering radius.
      const reach = (2 * CLUSTER_RADIUS_PX * 360) / (TILE_SIZE_PX * 2 ** zoom);
      const near = this.index.getClusters([lng - reach, lat - reach, lng + reach, lat + reach], zoom);
      const alone = near.some((feature) => {
        const properties = feature.properties as Partial<Supercluster.ClusterProperties> & SiteProperties;
        return !properties.cluster && properties.site === site;
      });
      if (alone) return zoom;
    }
    return CLUSTER_MAX_ZOOM + 1;
  }
}
