// @vitest-environment happy-dom
import { describe, it, expect, afterEach } from 'vitest';
import { render, screen, fireEvent, cleanup } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { SessionClock } from '../../../components/observe/SessionClock';

afterEach(cleanup);

/** The clock over a start/end pair held like the form holds it. */
function Harness({ start, end }: { start: string; end: string }) {
  const [s, setS] = useState(start);
  const [e, setE] = useState(end);
  return (
    <>
      <SessionClock startTime={s} endTime={e} disabled={false} onStart={setS} onEnd={setE} />
      <div data-testid="times">{`${s}|${e}`}</div>
    </>
  );
}

describe('记为开始 / 记为结束 over a time already entered', () => {
  it('say which time was replaced and offer 撤销, which puts it back', () => {
    render(<Harness start="08:01" end="" />);
    fireEvent.click(screen.getByRole('button', { name: '记为开始' }));
    expect(screen.getByTestId('times').textContent).not.toBe('08:01|');
    expect(screen.getByRole('status').textContent).toMatch(/^开始时间已由 08:01 改为 \d\d:\d\d/);
    fireEvent.click(screen.getByRole('button', { name: '撤销' }));
    expect(screen.getByTestId('times').textContent).toBe('08:01|');
    expect(screen.queryByRole('button', { name: '撤销' })).toBeNull();
  });

  it('the end time too', () => {
    render(<Harness start="08:01" end="08:02" />);
    fireEvent.click(screen.getByRole('button', { name: '记为结束' }));
    expect(screen.getByRole('status').textContent).toMatch(/^结束时间已由 08:02 改为/);
    fireEvent.click(screen.getByRole('button', { name: '撤销' }));
    expect(screen.getByTestId('times').textContent).toBe('08:01|08:02');
  });

  it('a first stamp replaces nothing and says nothing', () => {
    render(<Harness start="" end="" />);
    fireEvent.click(screen.getByRole('button', { name: '记为开始' }));
    expect(screen.queryByRole('button', { name: '撤销' })).toBeNull();
  });
});
