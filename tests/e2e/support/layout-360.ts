import type { Page } from '@playwright/test';

/**
 * What goes wrong in a narrow panel, found in the live DOM: text squeezed to one character per
 * line, boxes wider than the viewport, placeholders cut by their field. Each finding names the
 * element and its text.
 */
export async function narrowLayoutFaults(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const faults: string[] = [];
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return r.width > 1 && r.height > 1 && s.visibility !== 'hidden' && s.display !== 'none' && !el.closest('.sr-only');
    };
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : ''}`;
    const width = document.documentElement.clientWidth;
    // One character per line: a text of 2+ characters laid out as one line box per character,
    // in a box squeezed to about one character's width (ordinary wrapping of running text is fine).
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim();
      const el = n.parentElement;
      if (!el || text.length < 2 || !visible(el)) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      const squeezed = el.getBoundingClientRect().width < 2.5 * parseFloat(getComputedStyle(el).fontSize);
      if (squeezed && lines.size >= 2 && lines.size >= [...text].length) faults.push(`one character per line: ${name(el)} “${text}”`);
    }
    for (const el of document.querySelectorAll('body *')) {
      if (!visible(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.right > width + 1 && !el.closest('.scroll-x')) faults.push(`wider than the viewport (${Math.round(r.right)} > ${width}): ${name(el)}`);
    }
    // A placeholder must fit its field.
    const ctx = document.createElement('canvas').getContext('2d')!;
    for (const el of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[placeholder], textarea[placeholder]')) {
      if (!visible(el) || el.value || !el.placeholder) continue;
      const s = getComputedStyle(el);
      ctx.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
      const room = el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
      const need = ctx.measureText(el.placeholder).width;
      if (el instanceof HTMLInputElement && need > room + 1)
        faults.push(`placeholder cut (${Math.round(need)} > ${Math.round(room)}): ${name(el)} “${el.placeholder}”`);
    }
    return faults;
  });
}
