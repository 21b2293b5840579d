import { inflateRawSync } from 'node:zlib';

/**
 * The text of every entry of a zip archive (stored or deflated), read from its local headers.
 * Playwright's HTML report embeds its data as a base64 zip; a secret inside would not show in a
 * plain search of the file.
 */
export function zipEntriesText(zip: Buffer): string[] {
  const texts: string[] = [];
  let offset = 0;
  while (offset + 30 <= zip.length && zip.readUInt32LE(offset) === 0x04034b50) {
    const method = zip.readUInt16LE(offset + 8);
    const compressed = zip.readUInt32LE(offset + 18);
    const nameLength = zip.readUInt16LE(offset + 26);
    const extraLength = zip.readUInt16LE(offset + 28);
    const start = offset + 30 + nameLength + extraLength;
    const data = zip.subarray(start, start + compressed);
    texts.push((method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    offset = start + compressed;
  }
  return texts;
}

/** Text of a file plus the text inside any base64 zip it embeds (data:application/zip;base64,...). */
export function searchableText(content: Buffer): string {
  const text = content.toString('latin1');
  const embedded = [...text.matchAll(/data:application\/zip;base64,([A-Za-z0-9+/=]+)/g)].flatMap((m) => zipEntriesText(Buffer.from(m[1] ?? '', 'base64')));
  const direct = content.readUInt32LE(0) === 0x04034b50 ? zipEntriesText(content) : [];
  return [text, ...embedded, ...direct].join('\n');
}
