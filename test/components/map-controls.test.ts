/**
 * The map's own controls: zoom, and pan buttons for people who cannot drag
 * (WCAG 2.5.7), named in the person's language.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { SpineMap } from '../../src/components/map/map.js';
import { mapReady } from '../helpers.js';

const CHICAGO = { lat: 41.9229, lng: -87.6483 };

function paneOffset(map: SpineMap): string {
  return map.shadowRoot!.querySelector<HTMLElement>('.leaflet-map-pane')!.style.transform;
}

describe('<spine-map> controls', () => {
  it('moves the map with its pan buttons, by pointer or by keyboard', async () => {
    const map = await fixture<SpineMap>(html`<spine-map .center=${CHICAGO} .radiusKm=${10}></spine-map>`);
    await mapReady(map);
    const buttons = [...map.shadowRoot!.querySelectorAll<HTMLButtonElement>('.spine-pan-button')];
    expect(buttons.map((button) => button.getAttribute('aria-label'))).to.deep.equal([
      'Move the map up',
      'Move the map left',
      'Move the map right',
      'Move the map down',
    ]);
    await expect(map).to.be.accessible();

    const before = paneOffset(map);
    buttons[2].click();
    await waitUntil(() => paneOffset(map) !== before, 'the map did not move right');
    const afterClick = paneOffset(map);
    buttons[3].focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => paneOffset(map) !== afterClick, 'the map did not move down');
  });

  it('names its controls in Spanish', async () => {
    const section = document.createElement('div');
    section.lang = 'es';
    const map = await fixture<SpineMap>(html`<spine-map .center=${CHICAGO} .radiusKm=${10}></spine-map>`, {
      parentNode: section,
    });
    await mapReady(map);
    const names = [...map.shadowRoot!.querySelectorAll('.leaflet-control a, .leaflet-control button')].map(
      (control) => control.getAttribute('aria-label') ?? control.getAttribute('title'),
    );
    expect(names).to.include.members(['Acercar', 'Alejar', 'Mover el mapa hacia arriba', 'Mover el mapa a la derecha']);
  });
});
