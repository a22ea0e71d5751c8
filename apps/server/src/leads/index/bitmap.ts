/**
 * CRoaring's compressed bitmaps (`roaring`). The package is CommonJS with a native addon: Node's
 * ESM loader sees only its default export, so the class is taken from there.
 */
import roaring from 'roaring';

export const { RoaringBitmap32 } = roaring;
export type RoaringBitmap32 = InstanceType<typeof RoaringBitmap32>;
