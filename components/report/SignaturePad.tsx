import { useEffect, useRef, useState } from 'preact/hooks';

const W = 320;
const H = 120;

/**
 * A handwritten signature: draw with mouse, pen or finger (pointer events). 确认签名 keeps it
 * as a PNG (transparent background, black ink) that the report prints.
 */
export function SignaturePad({ name, value, disabled, onSign }: { name: string; value: string | null; disabled: boolean; onSign(png: string | null): void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState(false);
  const last = useRef<{ x: number; y: number } | null>(null);

  useEffect(() => {
    const c = canvas.current!;
    const ratio = Math.max(2, globalThis.devicePixelRatio || 1);
    c.width = W * ratio;
    c.height = H * ratio;
    const ctx = c.getContext('2d')!;
    ctx.scale(ratio, ratio);
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#000';
    if (value) {
      const img = new Image();
      img.onload = () => ctx.drawImage(img, 0, 0, W, H);
      img.src = value;
    }
  }, []);

  const pos = (e: PointerEvent) => {
    const r = canvas.current!.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * W, y: ((e.clientY - r.top) / r.height) * H };
  };
  const down = (e: PointerEvent) => {
    if (disabled) return;
    canvas.current!.setPointerCapture(e.pointerId);
    last.current = pos(e);
    e.preventDefault();
  };
  const move = (e: PointerEvent) => {
    if (!last.current || disabled) return;
    const ctx = canvas.current!.getContext('2d')!;
    const p = pos(e);
    // Pen pressure widens the stroke; mouse and touch report 0.5.
    ctx.lineWidth = 1.6 + 2.4 * (e.pressure || 0.5);
    ctx.beginPath();
    ctx.moveTo(last.current.x, last.current.y);
    ctx.lineTo(p.x, p.y);
    ctx.stroke();
    last.current = p;
    setDrawn(true);
  };
  const up = () => (last.current = null);
  const clear = () => {
    const c = canvas.current!;
    c.getContext('2d')!.clearRect(0, 0, W, H);
    setDrawn(false);
    onSign(null);
  };
  return (
    <div class="signature">
      <canvas
        ref={canvas}
        class="sigpad"
        style={{ width: `${W}px`, maxWidth: '100%', height: `${H}px`, touchAction: 'none' }}
        role="img"
        aria-label={`${name || '巡听人员'}的签名板`}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
      />
      <div class="row wrap">
        <button type="button" disabled={disabled || !drawn} onClick={() => onSign(canvas.current!.toDataURL('image/png'))}>
          确认签名{name ? `（${name}）` : ''}
        </button>
        <button type="button" disabled={disabled} onClick={clear}>
          清除{name ? `（${name}）` : ''}
        </button>
        {value && <span class="hint nowrap">已签名</span>}
      </div>
    </div>
  );
}
