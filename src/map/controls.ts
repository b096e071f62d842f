/**
 * The map's own controls: zoom, pan and the credits. Leaflet's zoom and
 * attribution controls write HTML strings into the page (`innerHTML`), which
 * a page that requires Trusted Types refuses, and which would let text from
 * a host's attribute or a data file become markup. These are built from DOM
 * nodes and text only, with Leaflet's class names, so Leaflet's stylesheet
 * and ours dress them as before.
 */
import * as L from 'leaflet/dist/leaflet-src.esm.js';

/** The words on the controls, in the person's language. */
export interface ControlLabels {
  zoomIn: string;
  zoomOut: string;
  panUp: string;
  panDown: string;
  panLeft: string;
  panRight: string;
}

/** How far one press of a pan button moves the map, in pixels. */
const PAN_STEP_PX = 120;

/** Where Leaflet's own credit links: the finder keeps crediting it. */
const LEAFLET_URL = 'https://leafletjs.com';

/**
 * A button as Leaflet draws the ones in its bars: a link with the role of a
 * button, a name and a glyph hidden from screen readers. Enter and Space
 * press it; a press by pointer gives focus back to the map, as Leaflet's do.
 */
function barButton(className: string, label: string, glyph: string, press: (event: MouseEvent) => void) {
  const button = document.createElement('a');
  button.className = className;
  button.href = '#';
  button.title = label;
  button.setAttribute('role', 'button');
  button.setAttribute('aria-label', label);
  const mark = document.createElement('span');
  mark.setAttribute('aria-hidden', 'true');
  mark.textContent = glyph;
  button.append(mark);
  L.DomEvent.disableClickPropagation(button);
  button.addEventListener('click', (event) => {
    event.preventDefault();
    press(event);
  });
  button.addEventListener('keydown', (event) => {
    if (event.key !== ' ') return;
    event.preventDefault();
    button.click();
  });
  return button;
}

/** Zoom in and out, greyed out (and `aria-disabled`) at the map's nearest and farthest zoom. */
export class ZoomControl extends L.Control {
  private zoomInButton?: HTMLAnchorElement;
  private zoomOutButton?: HTMLAnchorElement;

  constructor(private readonly labels: ControlLabels) {
    super({ position: 'topleft' });
  }

  override onAdd(map: L.Map): HTMLElement {
    const container = document.createElement('div');
    container.className = 'leaflet-control-zoom leaflet-bar';
    const zoom = (direction: 1 | -1) => (event: MouseEvent) => {
      const steps = (map.options.zoomDelta ?? 1) * (event.shiftKey ? 3 : 1);
      const zoomLevel = map.getZoom();
      if (direction > 0 && zoomLevel < map.getMaxZoom()) map.zoomIn(steps);
      if (direction < 0 && zoomLevel > map.getMinZoom()) map.zoomOut(steps);
      // A click (not Enter or Space) leaves the keyboard on the map, where the arrow keys pan.
      if (event.detail > 0) map.getContainer().focus({ preventScroll: true });
    };
    this.zoomInButton = barButton('leaflet-control-zoom-in', this.labels.zoomIn, '+', zoom(1));
    this.zoomOutButton = barButton('leaflet-control-zoom-out', this.labels.zoomOut, '−', zoom(-1));
    container.append(this.zoomInButton, this.zoomOutButton);
    this.updateDisabled(map);
    map.on('zoomend zoomlevelschange', this.handleZoom);
    return container;
  }

  override onRemove(map: L.Map): void {
    map.off('zoomend zoomlevelschange', this.handleZoom);
  }

  private readonly handleZoom = (event: L.LeafletEvent) => this.updateDisabled(event.target as L.Map);

  private updateDisabled(map: L.Map): void {
    const zoom = map.getZoom();
    for (const [button, atLimit] of [
      [this.zoomInButton, zoom >= map.getMaxZoom()],
      [this.zoomOutButton, zoom <= map.getMinZoom()],
    ] as const) {
      button?.classList.toggle('leaflet-disabled', atLimit);
      button?.setAttribute('aria-disabled', String(atLimit));
    }
  }
}

/**
 * Buttons that move the map up, down, left and right: panning without
 * dragging (WCAG 2.5.7) for people who use a pointer but cannot drag.
 */
export class PanControl extends L.Control {
  constructor(
    private readonly labels: ControlLabels,
    private readonly animate: () => boolean,
  ) {
    super({ position: 'topleft' });
  }

  override onAdd(map: L.Map): HTMLElement {
    const container = document.createElement('div');
    container.className = 'leaflet-bar spine-pan';
    const buttons: Array<[string, string, [number, number]]> = [
      [this.labels.panUp, '↑', [0, -PAN_STEP_PX]],
      [this.labels.panLeft, '←', [-PAN_STEP_PX, 0]],
      [this.labels.panRight, '→', [PAN_STEP_PX, 0]],
      [this.labels.panDown, '↓', [0, PAN_STEP_PX]],
    ];
    for (const [label, arrow, offset] of buttons) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'spine-pan-button';
      button.title = label;
      button.setAttribute('aria-label', label);
      const glyph = document.createElement('span');
      glyph.setAttribute('aria-hidden', 'true');
      glyph.textContent = arrow;
      button.append(glyph);
      button.addEventListener('click', () => map.panBy(offset, { animate: this.animate() }));
      container.append(button);
    }
    L.DomEvent.disableClickPropagation(container);
    return container;
  }
}

/**
 * The credits: Leaflet, then the `attribution` of every layer on the map
 * (the host's tile service, a vector basemap's data), each as plain text.
 * A layer's attribution is text here, never HTML, whatever Leaflet's own
 * control would make of it.
 */
export class AttributionControl extends L.Control {
  private container?: HTMLElement;

  constructor() {
    super({ position: 'bottomright' });
  }

  override onAdd(map: L.Map): HTMLElement {
    this.container = document.createElement('div');
    this.container.className = 'leaflet-control-attribution';
    L.DomEvent.disableClickPropagation(this.container);
    map.on('layeradd layerremove', this.handleLayer);
    this.update(map);
    return this.container;
  }

  override onRemove(map: L.Map): void {
    map.off('layeradd layerremove', this.handleLayer);
  }

  /** Most layers (markers, the search area) credit no one: only a layer that does changes the credits. */
  private readonly handleLayer = (event: L.LayerEvent) => {
    if (event.layer.getAttribution?.()) this.update(event.target as L.Map);
  };

  private update(map: L.Map): void {
    if (!this.container) return;
    const credits = new Set<string>();
    map.eachLayer((layer) => {
      const text = layer.getAttribution?.()?.trim();
      if (text) credits.add(text);
    });
    const leaflet = document.createElement('a');
    leaflet.href = LEAFLET_URL;
    leaflet.textContent = 'Leaflet';
    const parts: Node[] = [leaflet];
    if (credits.size) {
      const separator = document.createElement('span');
      separator.setAttribute('aria-hidden', 'true');
      separator.textContent = '|';
      parts.push(document.createTextNode(' '), separator, document.createTextNode(` ${[...credits].join(', ')}`));
    }
    this.container.replaceChildren(...parts);
  }
}
