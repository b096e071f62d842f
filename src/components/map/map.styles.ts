import { css } from 'lit';

export const mapStyles = css`
  :host {
    display: block;
  }

  .map {
    position: relative;
    height: var(--_map-height);
    min-height: 200px;
    border-radius: var(--_radius);
    overflow: hidden;
    border: 1px solid var(--_border);
    background: var(--_map-water);
  }

  .canvas {
    position: absolute;
    inset: 0;
  }

  .area-search {
    position: absolute;
    top: var(--_space);
    left: 50%;
    transform: translateX(-50%);
    z-index: 1000;
    box-shadow: 0 1px 4px rgb(0 0 0 / 35%);
  }

  .notice {
    margin: var(--_space) 0 0;
    color: var(--_muted);
    background: var(--_surface);
  }

  .loading {
    position: absolute;
    inset: auto 0 0 0;
    margin: 0;
    padding: var(--_space);
    color: var(--_text);
    background: var(--_surface);
  }
`;
