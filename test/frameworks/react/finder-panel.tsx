import { useRef, useState } from 'react';
import 'spine-finder/elements/spine-finder.js';
import type { DirectoryFilters, SpineFinder, SpineResultsEvent, SpineSelectEvent } from 'spine-finder';

// What JSX may set on <spine-finder>: its properties, and its events as `on` + the event's name.
declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'spine-finder': DetailedHTMLProps<HTMLAttributes<SpineFinder>, SpineFinder> &
        Partial<Pick<SpineFinder, 'endpoint' | 'location' | 'filters' | 'noMap' | 'radius' | 'config'>> & {
          'onspine-results'?: (event: SpineResultsEvent) => void;
          'onspine-select'?: (event: SpineSelectEvent) => void;
        };
    }
  }
}

// Outside the component: a new object on every render would be a new property value each time.
const ACCEPTING: DirectoryFilters = { acceptingNewPatients: true };

export function FinderPanel({ endpoint, onChoose }: { endpoint: string; onChoose: (name: string) => void }) {
  const finder = useRef<SpineFinder>(null);
  const [found, setFound] = useState<number>();
  return (
    <section>
      {/* React 19 sets what the element has as a property (filters, an object) and listens to spine-* events. */}
      <spine-finder
        ref={finder}
        endpoint={endpoint}
        location="60614"
        noMap
        filters={ACCEPTING}
        onspine-results={(event) => setFound(event.matches.length)}
        onspine-select={(event) => onChoose(event.provider.name)}
      />
      <button type="button" onClick={() => finder.current?.search('Chicago, IL')}>
        Search Chicago
      </button>
      {found !== undefined && <p role="status">{found} accepting new patients</p>}
    </section>
  );
}
