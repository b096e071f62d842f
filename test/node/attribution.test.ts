import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { htmlToText } from '../../src/map/attribution.js';

describe('htmlToText', () => {
  it('reads the text of an archive’s attribution, links and all', () => {
    assert.equal(
      htmlToText(
        '<a href="https://github.com/protomaps/basemaps">Protomaps</a> &copy; <a href="https://openstreetmap.org">OpenStreetMap</a>',
      ),
      'Protomaps © OpenStreetMap',
    );
  });

  it('reads numeric and named character references, and leaves unknown ones as written', () => {
    assert.equal(
      htmlToText('Data&#160;&#xA9; Example &amp; Co &lt;maps&gt; &unknown;'),
      'Data\u00a0© Example & Co <maps> &unknown;',
    );
  });

  it('keeps what a script or an image would have been as text, and gives nothing for no text', () => {
    assert.equal(htmlToText('<img src=x onerror="alert(1)">Census <script>x()</script>'), 'Census x()');
    assert.equal(htmlToText(' <br> '), undefined);
  });
});
