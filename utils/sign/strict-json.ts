/**
 * The embedded record read the way every JSON reader reads it. `JSON.parse` keeps the last of
 * two equal keys, other parsers the first (or refuse): a record with `"unit"` twice says two
 * things at once. Also no byte-order mark (TextDecoder drops it silently, other readers keep it
 * as a character) and valid UTF-8 only.
 */

const BOM = [0xef, 0xbb, 0xbf];

/** Where the string whose contents start at `from` ends: the next quote not escaped by an odd run of backslashes (indexOf: a record's signature images are long strings). */
function closingQuote(text: string, from: number): number {
  for (let j = text.indexOf('"', from); j >= 0; j = text.indexOf('"', j + 1)) {
    let slashes = 0;
    while (text.charCodeAt(j - 1 - slashes) === 0x5c) slashes++;
    if (slashes % 2 === 0) return j;
  }
  return text.length;
}

/** The first key that repeats within one object of already valid JSON `text`, or null. Keys compare after unescaping (`"a"` and `"\u0061"` are one key). */
function firstDuplicateKey(text: string): string | null {
  const stack: (Set<string> | null)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') {
      stack.push(new Set());
      expectKey = true;
    } else if (c === '[') {
      stack.push(null);
      expectKey = false;
    } else if (c === '}' || c === ']') {
      stack.pop();
      expectKey = false;
    } else if (c === ',') {
      expectKey = stack[stack.length - 1] instanceof Set;
    } else if (c === '"') {
      const j = closingQuote(text, i + 1);
      if (expectKey) {
        const raw = text.slice(i + 1, j);
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        const keys = stack[stack.length - 1]!;
        if (keys.has(key)) return key;
        keys.add(key);
        expectKey = false;
      }
      i = j;
    }
  }
  return null;
}

/** The record's text from its bytes, or why it cannot be read as one unambiguous JSON value (Chinese). */
export function decodeRecordJson(data: Uint8Array, what = '记录'): { text: string; value: unknown } | { problem: string } {
  if (BOM.every((b, i) => data[i] === b)) return { problem: `嵌入的${what}以字节顺序标记（BOM）开头，不同的读取方式会得到不同的文本` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return { problem: `嵌入的${what}不是有效的 UTF-8 文本` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: `嵌入的${what}不是有效的 JSON` };
  }
  const dup = firstDuplicateKey(text);
  if (dup !== null) return { problem: `嵌入的${what}中同一对象里的键「${dup}」出现了不止一次，不同的读取方式会得到不同的${what}` };
  return { text, value };
}
