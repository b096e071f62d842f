/**
 * Where the records of a JSON directory file start, by line, so a report
 * can say "line 212" rather than "record 37". JSON.parse forgets positions,
 * so the text is scanned once more, only for the structure: strings, nesting
 * and commas.
 */

/**
 * The line each item starts on of the file's list of records: the top-level
 * array, or the array under `key` of a top-level object (`providers`,
 * `features`). Empty when there is no such array.
 */
export function itemLines(text: string, key?: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let rootIsObject = false;
  /** The depth of the items of the array being read, or 0. */
  let itemDepth = 0;
  let expectingItem = false;
  let inString = false;
  let escaped = false;
  let stringStart = 0;
  /** The last string closed at depth 1 of the root object: the key before a value. */
  let lastKey = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\n') line++;
    if (inString) {
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') {
        inString = false;
        if (depth === 1 && rootIsObject) lastKey = text.slice(stringStart, i);
      }
      continue;
    }
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') continue;
    if (expectingItem && char !== ']') lines.push(line);
    expectingItem = false;
    switch (char) {
      case '"':
        inString = true;
        stringStart = i + 1;
        break;
      case '[':
        depth++;
        if ((depth === 1 && key === undefined) || (depth === 2 && rootIsObject && lastKey === key)) {
          itemDepth = depth;
          expectingItem = true;
        }
        break;
      case '{':
        depth++;
        if (depth === 1) rootIsObject = true;
        break;
      case ']':
        if (depth === itemDepth) return lines;
        depth--;
        break;
      case '}':
        depth--;
        break;
      case ',':
        if (depth === itemDepth) expectingItem = true;
        break;
    }
  }
  return lines;
}

/** The line of a JSON.parse error's position, when its message gives one. */
export function lineOfParseError(text: string, message: string): number | undefined {
  const position = /position (\d+)/.exec(message);
  if (!position) return undefined;
  let line = 1;
  for (let i = 0; i < Number(position[1]) && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}
