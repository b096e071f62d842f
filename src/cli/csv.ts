/**
 * Reading a CSV file as RFC 4180 describes it (and as Excel writes it):
 * fields separated by a delimiter, records by CRLF, LF or CR; a field in
 * double quotes may hold delimiters, line breaks and doubled quotes (`""`).
 *
 * Every record carries the line it starts on, counted as a text editor
 * counts them (a line break inside a quoted field counts too), so a report
 * can point at the row. A small reader of our own: csv-parse 7 counts a CRLF
 * inside a quoted field as two lines, and the line numbers after it drift.
 */

/** A UTF-8 text file's content, or why it is not one. */
export type DecodedText = { text: string } | { error: string; line: number };

/**
 * The bytes as UTF-8 text without its byte-order mark, or the line of the
 * first byte that is not UTF-8 (a file saved as Latin-1 or Windows-1252,
 * where "é" is the single byte E9). Never guesses another encoding.
 */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { error: 'the file is UTF-16, not UTF-8', line: 1 };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.startsWith('\uFEFF') ? text.slice(1) : text };
  } catch {
    const at = firstInvalidUtf8(bytes);
    let line = 1;
    for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
    const byte = bytes[at].toString(16).toUpperCase().padStart(2, '0');
    return { error: `byte 0x${byte} is not UTF-8 (a file saved as Latin-1 or Windows-1252?)`, line };
  }
}

/** The offset of the first byte that breaks UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i];
    const length =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte <= 0xdf
          ? 2
          : byte >= 0xe0 && byte <= 0xef
            ? 3
            : byte >= 0xf0 && byte <= 0xf4
              ? 4
              : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
    }
    // Overlong forms and surrogates, which TextDecoder refuses too.
    const second = bytes[i + 1];
    if ((byte === 0xe0 && second < 0xa0) || (byte === 0xed && second > 0x9f)) return i;
    if ((byte === 0xf0 && second < 0x90) || (byte === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return bytes.length;
}

export interface CsvRecord {
  /** The line the record starts on, from 1. */
  line: number;
  fields: string[];
  /** Why the record cannot be read as it stands (the rest of the file still can). */
  error?: string;
}

/** A file that cannot be read past some line: a quote that is never closed. */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * The records of a CSV text. Lines that are empty are not records. A stray
 * double quote inside an unquoted field, or text after a closing quote,
 * marks that record with an `error`; a quote never closed throws, since
 * where the following records start is then unknown.
 */
export function readCsv(text: string, delimiter = ','): CsvRecord[] {
  const records: CsvRecord[] = [];
  let line = 1;
  let at = 0;
  while (at < text.length) {
    const start = line;
    const fields: string[] = [];
    let error: string | undefined;
    // One record: fields until a line break outside quotes, or the end.
    for (;;) {
      let field = '';
      if (text[at] === '"') {
        const openedOn = line;
        at++;
        for (;;) {
          if (at >= text.length) {
            throw new CsvSyntaxError('a quoted field is never closed (a double quote missing?)', openedOn);
          }
          const char = text[at];
          if (char === '"') {
            if (text[at + 1] === '"') {
              field += '"';
              at += 2;
              continue;
            }
            at++;
            break;
          }
          if (char === '\r' || char === '\n') {
            const breakLength = char === '\r' && text[at + 1] === '\n' ? 2 : 1;
            field += text.slice(at, at + breakLength);
            at += breakLength;
            line++;
            continue;
          }
          field += char;
          at++;
        }
        if (at < text.length && text[at] !== delimiter && text[at] !== '\r' && text[at] !== '\n') {
          error ??= `field ${fields.length + 1} has text after its closing double quote`;
          while (at < text.length && text[at] !== delimiter && text[at] !== '\r' && text[at] !== '\n') at++;
        }
      } else {
        while (at < text.length && text[at] !== delimiter && text[at] !== '\r' && text[at] !== '\n') {
          if (text[at] === '"') error ??= `field ${fields.length + 1} has a double quote but is not in double quotes`;
          field += text[at];
          at++;
        }
      }
      fields.push(field);
      if (text[at] === delimiter) {
        at++;
        continue;
      }
      break;
    }
    if (text[at] === '\r') {
      at++;
      if (text[at] === '\n') at++;
    } else if (text[at] === '\n') {
      at++;
    }
    line++;
    const empty = fields.length === 1 && fields[0] === '' && !error;
    if (!empty) records.push({ line: start, fields, ...(error ? { error } : {}) });
  }
  return records;
}
