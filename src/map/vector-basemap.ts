/**
 * A self-hosted vector basemap: a PMTiles archive of vector tiles, drawn on
 * canvas tiles with protomaps-leaflet's painter and the Protomaps basemap
 * style. Loaded only when a host configures one, so the drop-in entry and
 * the map chunk never carry it.
 *
 * protomaps-leaflet's own `leafletLayer()` extends a global `L`, which the
 * finder never creates (it would clash with a host page's own Leaflet). So
 * the grid layer here extends the finder's Leaflet module and borrows only
 * protomaps-leaflet's parts that need no Leaflet: the tile cache, views,
 * label layout and painter.
 */
import Point from '@mapbox/point-geometry';
import { LIGHT } from '@protomaps/basemaps';
import * as L from 'leaflet/dist/leaflet-src.esm.js';
import { PMTiles, TileType } from 'pmtiles';
import type { RangeResponse, Source } from 'pmtiles';
import { Labelers, labelRules, paint, paintRules, PmtilesSource, TileCache, View } from 'protomaps-leaflet';
import type { LabelRule, PaintRule, PreparedTile } from 'protomaps-leaflet';
import { htmlToText } from './attribution.js';
import { GridLayer } from './leaflet-tiles.js';

/** CSS colours of the basemap's land, water and borders. */
export interface VectorBasemapColors {
  land: string;
  water: string;
  border: string;
}

export interface CreateVectorBasemapOptions {
  /** Ends every request of the archive when aborted. */
  signal: AbortSignal;
  lang?: string | undefined;
  colors: VectorBasemapColors;
}

/** Tiles of Protomaps builds are 512 px; each covers four of Leaflet's 256 px tiles (one zoom level up). */
const LEVEL_DIFF = 1;
/** Pixels around a tile searched for labels that overlap it. */
const LABEL_MARGIN = 16;
const MAX_LABELED_TILES = 16;

/**
 * Reads the archive's header (which checks it is a PMTiles archive of
 * vector tiles) and resolves with a grid layer that draws it, and the
 * archive's attribution as plain text. Rejects if the archive cannot be read.
 */
export async function createVectorBasemapLayer(
  url: string,
  options: CreateVectorBasemapOptions,
): Promise<{ layer: L.GridLayer; attribution: string | undefined }> {
  const archive = new PMTiles(new PrivateRangeSource(new URL(url, document.baseURI).href, options.signal));
  const header = await archive.getHeader();
  if (header.tileType !== TileType.Mvt) {
    throw new Error(`${url} holds tiles of type ${header.tileType}, not vector tiles`);
  }
  const flavor = {
    ...LIGHT,
    background: options.colors.water,
    earth: options.colors.land,
    water: options.colors.water,
    boundaries: options.colors.border,
  };
  // Zoom requests are not cancelled: a cancelled tile Leaflet keeps would stay blank.
  const view = new View(
    new TileCache(new PmtilesSource(archive, false), 256 << LEVEL_DIFF),
    header.maxZoom,
    LEVEL_DIFF,
  );
  const layer = new VectorTileLayer(
    view,
    paintRules(flavor),
    labelRules(flavor, options.lang ?? 'en'),
    flavor.background,
  );
  return { layer, attribution: await archiveAttribution(archive) };
}

/**
 * Canvas tiles painted from the archive. Labels are laid out across tiles
 * by zoom level; when a label placed later overlaps a tile already drawn,
 * that tile is drawn again.
 */
class VectorTileLayer extends GridLayer {
  private readonly labelers: Labelers;
  /** Live tiles by protomaps' key ("x:y:z"), to draw again when labels move. */
  private readonly tilesByKey = new Map<string, Set<HTMLCanvasElement>>();

  constructor(
    private readonly view: View,
    private readonly paintRules: PaintRule[],
    labelRules: LabelRule[],
    private readonly background: string,
  ) {
    super({ className: 'spine-vector-basemap' });
    const scratch = document.createElement('canvas').getContext('2d');
    if (!scratch) throw new Error('This browser cannot draw on a canvas');
    this.labelers = new Labelers(scratch, labelRules, MAX_LABELED_TILES, (keys) => this.drawAgain(keys));
    // Leaflet's types say every tile is an <img>; this layer's are canvases.
    this.on('tileunload', (event: L.TileEvent) => {
      this.tilesByKey.get(tileKey(event.coords))?.delete(event.tile as HTMLElement as HTMLCanvasElement);
    });
  }

  override createTile(coords: L.Coords, done: L.DoneCallback): HTMLElement {
    const canvas = document.createElement('canvas');
    const key = tileKey(coords);
    this.tilesByKey.set(key, (this.tilesByKey.get(key) ?? new Set()).add(canvas));
    this.drawTile(coords, canvas).then(
      () => done(undefined, canvas),
      (error: unknown) => {
        // Only the end of the map aborts a read, and then nobody listens.
        if (!isAbort(error)) done(error instanceof Error ? error : new Error(String(error)), canvas);
      },
    );
    return canvas;
  }

  private drawAgain(keys: Set<string>): void {
    for (const key of keys) {
      const [x, y, z] = key.split(':').map(Number);
      for (const canvas of this.tilesByKey.get(key) ?? []) {
        this.drawTile({ x, y, z }, canvas).catch(() => undefined);
      }
    }
  }

  private async drawTile(coords: TileCoords, canvas: HTMLCanvasElement): Promise<void> {
    const { x, y, z } = coords;
    const tiles = new Map<string, PreparedTile[]>([['', [await this.view.getDisplayTile({ x, y, z })]]]);
    this.labelers.add(z, tiles);
    const ratio = window.devicePixelRatio || 1;
    canvas.width = canvas.height = 256 * ratio;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw on a canvas');
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.fillStyle = this.background;
    context.fillRect(0, 0, 256, 256);
    const area = {
      minX: 256 * x - LABEL_MARGIN,
      minY: 256 * y - LABEL_MARGIN,
      maxX: 256 * (x + 1) + LABEL_MARGIN,
      maxY: 256 * (y + 1) + LABEL_MARGIN,
    };
    const labels = this.labelers.getIndex(z) ?? null;
    paint(context, z, tiles, labels, this.paintRules, area, new Point(256 * x, 256 * y), false);
  }
}

interface TileCoords {
  x: number;
  y: number;
  z: number;
}

/**
 * Reads byte ranges of the archive without cookies or Referer, like the
 * raster tiles: its server learns which part of the map is viewed, never
 * which page asked. ETags are not checked: a host replaces an archive under
 * a new name (docs/basemaps.md), so one URL always holds the same bytes.
 */
class PrivateRangeSource implements Source {
  constructor(
    private readonly url: string,
    private readonly life: AbortSignal,
  ) {}

  getKey(): string {
    return this.url;
  }

  async getBytes(offset: number, length: number, signal?: AbortSignal): Promise<RangeResponse> {
    // Either the reader or the end of the map stops the request.
    const request = new AbortController();
    const stop = () => request.abort();
    for (const source of [signal, this.life]) source?.addEventListener('abort', stop, { once: true });
    if (signal?.aborted || this.life.aborted) stop();
    try {
      const response = await fetch(this.url, {
        headers: { range: `bytes=${offset}-${offset + length - 1}` },
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        signal: request.signal,
      });
      if (response.status !== 206 && response.status !== 200) {
        throw new Error(`Basemap archive answered HTTP ${response.status}`);
      }
      // A server without Range support sends the whole file: fine for a file
      // smaller than the range asked, hopeless for a real archive.
      const size = Number(response.headers.get('content-length') ?? Number.NaN);
      if (response.status === 200 && !(size <= length)) {
        await response.body?.cancel();
        throw new Error('The basemap archive’s server did not answer with the byte range asked for');
      }
      return { data: await response.arrayBuffer() };
    } finally {
      for (const source of [signal, this.life]) source?.removeEventListener('abort', stop);
    }
  }
}

/** The archive's `attribution` metadata (often HTML with links), as plain text. */
async function archiveAttribution(archive: PMTiles): Promise<string | undefined> {
  const metadata = await archive.getMetadata().catch(() => undefined);
  const attribution = (metadata as { attribution?: unknown } | undefined)?.attribution;
  return typeof attribution === 'string' ? htmlToText(attribution) : undefined;
}

/** protomaps' key of a tile ("x:y:z"), its column wrapped into the world as Leaflet wraps it for createTile. */
function tileKey({ x, y, z }: TileCoords): string {
  const columns = 2 ** z;
  return `${((x % columns) + columns) % columns}:${y}:${z}`;
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
