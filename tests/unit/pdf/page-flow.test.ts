import { describe, expect, it } from 'vitest';
import { gapScale, MIN_GAP_SCALE } from '../../../utils/pdf/page-flow';

describe('gapScale: shrinking a page’s gaps so a kept block fits', () => {
  it('shrinks the gaps just enough for the missing points', () => {
    expect(gapScale(10, 50)).toBeCloseTo(0.8, 9);
    expect(gapScale(20, 50)).toBeCloseTo(MIN_GAP_SCALE, 9);
  });

  it('leaves the page as it is when the block fits, and gives up beyond the limit', () => {
    expect(gapScale(0, 50)).toBe(1);
    expect(gapScale(-5, 50)).toBe(1);
    expect(gapScale(20.5, 50)).toBeNull();
    expect(gapScale(5, 0)).toBeNull();
  });
});
