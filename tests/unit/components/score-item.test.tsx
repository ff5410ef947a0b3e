// @vitest-environment happy-dom
import { describe, it, expect, vi, afterEach } from 'vitest';
import { render, screen, fireEvent, cleanup } from '@testing-library/preact';
import { ScoreItem } from '../../../components/observe/ScoreItem';
import type { RubricItem } from '../../../utils/rubric';

afterEach(cleanup);
const item: RubricItem = { id: 'x1', title: '领学质量', max: 5, step: 0.5, kind: 'score', allowNA: true, required: true };

describe('a score typed into the form', () => {
  it('is stored when it is on the grid and in range', () => {
    const onChange = vi.fn();
    render(<ScoreItem item={item} entry={{ value: null, na: false, note: '' }} disabled={false} onChange={onChange} />);
    fireEvent.input(screen.getByLabelText('领学质量 得分'), { target: { value: '4.5' } });
    expect(onChange).toHaveBeenLastCalledWith({ value: 4.5, na: false, note: '' });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('out of range: a message names the item and the range; the text is kept, the old value dropped', () => {
    const onChange = vi.fn();
    render(<ScoreItem item={item} entry={{ value: 3, na: false, note: '' }} disabled={false} onChange={onChange} />);
    fireEvent.input(screen.getByLabelText('领学质量 得分'), { target: { value: '7' } });
    expect(screen.getByRole('alert').textContent).toBe('「领学质量」的得分须在 0 至 5 之间');
    expect(onChange).toHaveBeenLastCalledWith({ value: null, na: false, note: '', entered: '7' });
  });

  it('off the step grid: refused with the step, and the typed text is what is stored (not its valid prefix)', () => {
    const onChange = vi.fn();
    render(<ScoreItem item={{ ...item, step: 1 }} entry={{ value: null, na: false, note: '' }} disabled={false} onChange={onChange} />);
    const field = screen.getByLabelText('领学质量 得分');
    fireEvent.input(field, { target: { value: '3' } });
    fireEvent.input(field, { target: { value: '3.' } });
    fireEvent.input(field, { target: { value: '3.3' } });
    expect(screen.getByRole('alert').textContent).toBe('「领学质量」的得分须为 1 的整数倍');
    expect(onChange).toHaveBeenLastCalledWith({ value: null, na: false, note: '', entered: '3.3' });
  });

  it('a refused entry read back from the record shows the text and its message (after a reload)', () => {
    render(<ScoreItem item={{ ...item, step: 1 }} entry={{ value: null, na: false, note: '', entered: '3.3' }} disabled={false} onChange={() => {}} />);
    expect((screen.getByLabelText('领学质量 得分') as HTMLInputElement).value).toBe('3.3');
    expect(screen.getByRole('alert').textContent).toBe('「领学质量」的得分须为 1 的整数倍');
  });

  it('an accepted entry after a refused one drops the kept text', () => {
    const onChange = vi.fn();
    render(<ScoreItem item={item} entry={{ value: null, na: false, note: '', entered: '9' }} disabled={false} onChange={onChange} />);
    fireEvent.input(screen.getByLabelText('领学质量 得分'), { target: { value: '4' } });
    expect(onChange).toHaveBeenLastCalledWith({ value: 4, na: false, note: '' });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a deduction item starts empty and offers 无扣分, which sets 0 deducted', () => {
    const onChange = vi.fn();
    render(
      <ScoreItem item={{ ...item, kind: 'deduction', title: '按时到会' }} entry={{ value: null, na: false, note: '' }} disabled={false} onChange={onChange} />,
    );
    expect((screen.getByLabelText('按时到会 扣分') as HTMLInputElement).value).toBe('');
    const none = screen.getByRole('button', { name: /无扣分/ });
    expect(none.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(none);
    expect(onChange).toHaveBeenLastCalledWith({ value: 0, na: false, note: '' });
  });

  it('a deduction item asks for the points deducted', () => {
    const onChange = vi.fn();
    render(
      <ScoreItem item={{ ...item, kind: 'deduction', title: '按时到会' }} entry={{ value: null, na: false, note: '' }} disabled={false} onChange={onChange} />,
    );
    fireEvent.input(screen.getByLabelText('按时到会 扣分'), { target: { value: '1' } });
    expect(onChange).toHaveBeenLastCalledWith({ value: 1, na: false, note: '' });
  });

  it('N/A is offered only where the template allows it', () => {
    render(<ScoreItem item={{ ...item, allowNA: false }} entry={{ value: null, na: false, note: '' }} disabled={false} onChange={() => {}} />);
    expect(screen.queryByLabelText(/不适用/)).toBeNull();
  });
});
