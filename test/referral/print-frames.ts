/**
 * Watches the hidden frames the referral sheet is printed from. A headless
 * browser has no print dialog, so `print()` on each new frame's window is
 * replaced as soon as the code under test first reaches that window (before
 * it calls `print()`); the replacement records what the frame held at that
 * moment, what a printer would have received.
 */

export interface PrintedFrame {
  frame: HTMLIFrameElement;
  /** Whether the frame was in the page when `print()` was called. */
  connected: boolean;
  /** The frame's size in the page: it takes no room. */
  size: { width: number; height: number };
  /** The frame document's address: a same-origin about:blank. */
  url: string;
  title: string;
  lang: string;
  /** What a person reads on the sheet, as the frame laid it out. */
  text: string;
  /** The sheet's markup, to check nothing from the data became an element. */
  body: HTMLElement;
  /** The styles adopted by the frame's document. */
  styles: CSSStyleSheet[];
}

export interface PrintWatch {
  printed: PrintedFrame[];
  /** `securitypolicyviolation` events in the frames, from before their content was built. */
  violations: SecurityPolicyViolationEvent[];
  stop(): void;
}

interface PrintWatchOptions {
  /**
   * What happens once the frame's content is recorded: `dialog` fires
   * `afterprint` as Chromium does when its dialog closes; `headless` calls
   * the real `print()`, which in headless Chromium fires `beforeprint` only.
   */
  print: 'dialog' | 'headless';
}

const contentWindow = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow')!;

export function watchPrinting(options: PrintWatchOptions = { print: 'dialog' }): PrintWatch {
  const printed: PrintedFrame[] = [];
  const violations: SecurityPolicyViolationEvent[] = [];
  const seen = new WeakSet<Window>();
  Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
    configurable: true,
    get(this: HTMLIFrameElement) {
      const frameWindow = contentWindow.get!.call(this) as (Window & typeof globalThis) | null;
      if (frameWindow && !seen.has(frameWindow)) {
        seen.add(frameWindow);
        frameWindow.document.addEventListener('securitypolicyviolation', (event) => violations.push(event));
        const realPrint = frameWindow.print.bind(frameWindow);
        const frame = this;
        frameWindow.print = () => {
          const box = frame.getBoundingClientRect();
          printed.push({
            frame,
            connected: frame.isConnected,
            size: { width: box.width, height: box.height },
            url: frameWindow.document.URL,
            title: frameWindow.document.title,
            lang: frameWindow.document.documentElement.lang,
            text: frameWindow.document.body.innerText,
            body: frameWindow.document.body.cloneNode(true) as HTMLElement,
            styles: [...frameWindow.document.adoptedStyleSheets],
          });
          if (options.print === 'headless') realPrint();
          else frameWindow.dispatchEvent(new Event('afterprint'));
        };
      }
      return frameWindow;
    },
  });
  return {
    printed,
    violations,
    stop: () => Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', contentWindow),
  };
}

/** The frames in the page now. */
export function framesInPage(): HTMLIFrameElement[] {
  return [...document.querySelectorAll('iframe')];
}
