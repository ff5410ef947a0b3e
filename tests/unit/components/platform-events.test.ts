import { describe, expectTypeOf, it } from 'vitest';
import type { Platform, XuntingEvents } from '../../../components/platform';

// Checked by `tsc --noEmit`: the events the README lists are the only ones, each with its detail.
describe('Platform.emit', () => {
  it('takes only the five documented events, each with its own detail', () => {
    expectTypeOf<Parameters<Platform['emit']>[0]>().toEqualTypeOf<
      'xunting-saved' | 'xunting-finalized' | 'xunting-identity-changed' | 'xunting-imported' | 'xunting-error'
    >();
    expectTypeOf<XuntingEvents['xunting-imported']>().toEqualTypeOf<{
      accepted: number;
      duplicate: number;
      superseded: number;
      rejected: number;
      files: number;
    }>();
    const emit: Platform['emit'] = () => undefined;
    // @ts-expect-error: not an event of the product
    emit('xunting-saveed', { id: 'x', revision: 1, updatedAt: '' });
    // @ts-expect-error: the wrong detail for the event
    emit('xunting-error', { text: '失败' });
    emit('xunting-error', { message: '失败' });
  });
});
