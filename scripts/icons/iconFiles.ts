// The two icon containers the installers need, written from PNG images (no image library): Windows'
// ICO (PNG entries, read by Windows Vista and later; Microsoft's "Icons" guidelines) and Apple's ICNS
// (PNG entries by OSType: icp4 16, icp5 32, icp6 64, ic07 128, ic08 256, ic09 512, ic10 1024).
// Pure; tested in tests/unit/packaging.test.ts.

export interface IconImage {
  /** The side in pixels (square). */
  size: number;
  /** The PNG file's bytes. */
  png: Uint8Array;
}

/** An ICO file holding `images` (each at most 256 px; 256 is written as 0, as the format says). */
export function icoFile(images: readonly IconImage[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1: icon
  header.writeUInt16LE(images.length, 4);
  const entries: Buffer[] = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    if (size < 1 || size > 256) throw new Error(`an ICO image is 1 to 256 px, not ${size}`);
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size === 256 ? 0 : size, 0);
    entry.writeUInt8(size === 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(entry);
  }
  return Buffer.concat([header, ...entries, ...images.map(({ png }) => Buffer.from(png))]);
}

const icnsTypes: Readonly<Record<number, string>> = { 16: 'icp4', 32: 'icp5', 64: 'icp6', 128: 'ic07', 256: 'ic08', 512: 'ic09', 1024: 'ic10' };

/** An ICNS file holding `images`, each of a size ICNS has a PNG type for (16, 32, 64, 128, 256, 512, 1024). */
export function icnsFile(images: readonly IconImage[]): Buffer {
  const chunks = images.map(({ size, png }) => {
    const type = icnsTypes[size];
    if (type === undefined) throw new Error(`ICNS has no PNG type for ${size} px`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([head, Buffer.from(png)]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + chunks.reduce((sum, chunk) => sum + chunk.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}
