import { expect, type Page } from '@playwright/test';

/** Markup and template syntax that must come out as text wherever it is typed or imported. */
export const PAYLOAD = {
  img: '<img src=x onerror="window.__pwned=1">',
  script: '<script>window.__pwned=2</script>',
  svg: '"><svg onload=window.__pwned=3>',
  mustache: '{{7*7}}',
  template: '${7*7}',
} as const;

/** All five in one string (115 characters). */
export const ALL_PAYLOADS = Object.values(PAYLOAD).join('');

/** Dialogs (alert/confirm/prompt) a page opens: recorded and dismissed. */
export function watchDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on('dialog', (d) => {
    seen.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => undefined);
  });
  return seen;
}

export interface MarkupCensus {
  img: number;
  svg: number;
  /** SVGs the app does not draw itself (its charts are svg.cov-chart, legend swatches aria-hidden). */
  foreignSvg: number;
  script: number;
  iframe: number;
  /** Elements carrying an inline event handler attribute (onerror, onload, onclick …). */
  handlers: string[];
  /** `img[src=x]`, the payload's own element. */
  payloadImages: number;
  pwned: unknown;
}

/** What elements the page holds that a payload could have injected, and whether one ran. */
export function markupCensus(page: Page): Promise<MarkupCensus> {
  return page.evaluate(() => {
    // The document and every open shadow root (the micro-frontend's elements render in one).
    const all: Element[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        all.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    const count = (selector: string) => all.filter((el) => el.matches(selector)).length;
    return {
      img: count('img'),
      svg: count('svg'),
      foreignSvg: count('svg:not(.cov-chart):not([aria-hidden="true"])'),
      script: count('script'),
      iframe: count('iframe'),
      handlers: all.filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).map((el) => el.outerHTML.slice(0, 120)),
      payloadImages: count('img[src="x"]'),
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    };
  });
}

/** Nothing ran and nothing was injected compared with `before` (the preview iframe may be added, `extraIframes`). */
export async function expectNoInjection(page: Page, before: MarkupCensus, extraIframes = 0) {
  const now = await markupCensus(page);
  expect(now.pwned, 'window.__pwned was set: a payload ran').toBeUndefined();
  expect(now.payloadImages, 'an <img src=x> was injected').toBe(0);
  expect(now.handlers, 'elements with inline event handlers').toEqual([]);
  expect(now.foreignSvg, 'an <svg> the app does not draw').toBe(0);
  expect({ img: now.img, script: now.script }).toEqual({ img: before.img, script: before.script });
  expect(now.iframe).toBe(before.iframe + extraIframes);
}

/** Text as pdftotext gives it back, compared without white space (lines wrap anywhere). */
export const squash = (s: string) => s.replace(/\s+/g, '');
