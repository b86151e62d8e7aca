/**
 * A small drawing surface with two implementations: a canvas (the live view and PNG export) and
 * SVG markup (SVG export). The timeline is drawn once, against this interface, so the picture a
 * user exports is the picture they see. Text always goes through `fillText` or an escaped SVG
 * text node, never through HTML.
 */

/** Text styles the timeline uses. */
export type FontStyle = 'normal' | 'bold' | 'small';

/** Options for text. */
export interface TextOptions {
  readonly font?: FontStyle;
  readonly align?: 'left' | 'center' | 'right';
  readonly alpha?: number;
}

/** Options for lines. */
export interface LineOptions {
  readonly width?: number;
  readonly dash?: readonly number[];
  readonly alpha?: number;
}

/** What the timeline needs to draw. Coordinates are CSS pixels; text is vertically centred on `y`. */
export interface Painter {
  fillRect(x: number, y: number, width: number, height: number, color: string, alpha?: number): void;
  /** Diagonal stripes over a rectangle: backoff and Terminating. */
  hatchRect(x: number, y: number, width: number, height: number, color: string, alpha?: number): void;
  strokeRect(x: number, y: number, width: number, height: number, color: string, lineWidth?: number): void;
  line(x1: number, y1: number, x2: number, y2: number, color: string, options?: LineOptions): void;
  polygon(points: readonly number[], fill: string, stroke?: string): void;
  circle(x: number, y: number, radius: number, fill: string, stroke?: string): void;
  text(x: number, y: number, text: string, color: string, options?: TextOptions): void;
  measure(text: string, font?: FontStyle): number;
  /** Runs `draw` with everything outside the rectangle clipped. */
  clip(x: number, y: number, width: number, height: number, draw: () => void): void;
}

/** The CSS font strings for each style, from the theme's family and size. */
export function fontStrings(family: string, size: number): Record<FontStyle, string> {
  return {
    normal: `${size}px ${family}`,
    bold: `600 ${size}px ${family}`,
    small: `${Math.max(9, Math.round(size * 0.85))}px ${family}`,
  };
}

/** The longest prefix of `text` (with an ellipsis) that fits in `width`; empty when nothing fits. */
export function fitText(painter: Painter, text: string, width: number, font: FontStyle = 'normal'): string {
  if (width <= 0) return '';
  if (painter.measure(text, font) <= width) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (painter.measure(`${text.slice(0, mid)}…`, font) <= width) low = mid;
    else high = mid - 1;
  }
  return low === 0 ? '' : `${text.slice(0, low)}…`;
}

/** Draws on a 2D canvas context already scaled to CSS pixels. */
export class CanvasPainter implements Painter {
  private readonly widths = new Map<string, number>();
  private readonly patterns = new Map<string, CanvasPattern | null>();

  constructor(
    private readonly ctx: CanvasRenderingContext2D,
    private readonly fonts: Record<FontStyle, string>,
  ) {
    ctx.textBaseline = 'middle';
  }

  fillRect(x: number, y: number, width: number, height: number, color: string, alpha = 1): void {
    this.ctx.globalAlpha = alpha;
    this.ctx.fillStyle = color;
    this.ctx.fillRect(x, y, width, height);
    this.ctx.globalAlpha = 1;
  }

  hatchRect(x: number, y: number, width: number, height: number, color: string, alpha = 1): void {
    const pattern = this.pattern(color);
    this.ctx.globalAlpha = alpha;
    this.ctx.fillStyle = pattern ?? color;
    this.ctx.fillRect(x, y, width, height);
    this.ctx.globalAlpha = 1;
  }

  strokeRect(x: number, y: number, width: number, height: number, color: string, lineWidth = 1): void {
    this.ctx.strokeStyle = color;
    this.ctx.lineWidth = lineWidth;
    this.ctx.strokeRect(x + lineWidth / 2, y + lineWidth / 2, width - lineWidth, height - lineWidth);
  }

  line(x1: number, y1: number, x2: number, y2: number, color: string, options: LineOptions = {}): void {
    const ctx = this.ctx;
    ctx.globalAlpha = options.alpha ?? 1;
    ctx.strokeStyle = color;
    ctx.lineWidth = options.width ?? 1;
    ctx.setLineDash(options.dash ? [...options.dash] : []);
    ctx.beginPath();
    ctx.moveTo(x1, y1);
    ctx.lineTo(x2, y2);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.globalAlpha = 1;
  }

  polygon(points: readonly number[], fill: string, stroke?: string): void {
    const ctx = this.ctx;
    ctx.beginPath();
    for (let i = 0; i + 1 < points.length; i += 2) {
      const x = points[i] as number;
      const y = points[i + 1] as number;
      if (i === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.closePath();
    ctx.fillStyle = fill;
    ctx.fill();
    if (stroke) {
      ctx.strokeStyle = stroke;
      ctx.lineWidth = 1;
      ctx.stroke();
    }
  }

  circle(x: number, y: number, radius: number, fill: string, stroke?: string): void {
    const ctx = this.ctx;
    ctx.beginPath();
    ctx.arc(x, y, radius, 0, Math.PI * 2);
    ctx.fillStyle = fill;
    ctx.fill();
    if (stroke) {
      ctx.strokeStyle = stroke;
      ctx.lineWidth = 1;
      ctx.stroke();
    }
  }

  text(x: number, y: number, text: string, color: string, options: TextOptions = {}): void {
    const ctx = this.ctx;
    ctx.font = this.fonts[options.font ?? 'normal'];
    ctx.textAlign = options.align ?? 'left';
    ctx.globalAlpha = options.alpha ?? 1;
    ctx.fillStyle = color;
    ctx.fillText(text, x, y);
    ctx.globalAlpha = 1;
  }

  measure(text: string, font: FontStyle = 'normal'): number {
    const key = `${font}\u0000${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      this.ctx.font = this.fonts[font];
      width = this.ctx.measureText(text).width;
      if (this.widths.size > 20_000) this.widths.clear();
      this.widths.set(key, width);
    }
    return width;
  }

  clip(x: number, y: number, width: number, height: number, draw: () => void): void {
    this.ctx.save();
    this.ctx.beginPath();
    this.ctx.rect(x, y, width, height);
    this.ctx.clip();
    draw();
    this.ctx.restore();
  }

  private pattern(color: string): CanvasPattern | null {
    if (this.patterns.has(color)) return this.patterns.get(color) ?? null;
    const tile = document.createElement('canvas');
    tile.width = 6;
    tile.height = 6;
    const tileCtx = tile.getContext('2d');
    let pattern: CanvasPattern | null = null;
    if (tileCtx) {
      tileCtx.strokeStyle = color;
      tileCtx.lineWidth = 2;
      tileCtx.beginPath();
      tileCtx.moveTo(-1, 7);
      tileCtx.lineTo(7, -1);
      tileCtx.moveTo(5, 7);
      tileCtx.lineTo(7, 5);
      tileCtx.moveTo(-1, 1);
      tileCtx.lineTo(1, -1);
      tileCtx.stroke();
      pattern = this.ctx.createPattern(tile, 'repeat');
    }
    this.patterns.set(color, pattern);
    return pattern;
  }
}

/** Escapes text for an SVG text node or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) =>
    c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : c === '"' ? '&quot;' : '&#39;',
  );
}

/** Builds SVG markup; sizes come from a canvas painter so that text fits as it does on screen. */
export class SvgPainter implements Painter {
  private readonly parts: string[] = [];
  private readonly hatches = new Map<string, string>();
  private clipCount = 0;

  constructor(
    private readonly measurer: Painter,
    private readonly fonts: Record<FontStyle, string>,
  ) {}

  fillRect(x: number, y: number, width: number, height: number, color: string, alpha = 1): void {
    this.parts.push(
      `<rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}" fill="${escapeXml(color)}"${opacity(alpha)}/>`,
    );
  }

  hatchRect(x: number, y: number, width: number, height: number, color: string, alpha = 1): void {
    let id = this.hatches.get(color);
    if (id === undefined) {
      id = `hatch${this.hatches.size}`;
      this.hatches.set(color, id);
    }
    this.parts.push(
      `<rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}" fill="url(#${id})"${opacity(alpha)}/>`,
    );
  }

  strokeRect(x: number, y: number, width: number, height: number, color: string, lineWidth = 1): void {
    this.parts.push(
      `<rect x="${n(x + lineWidth / 2)}" y="${n(y + lineWidth / 2)}" width="${n(width - lineWidth)}" height="${n(height - lineWidth)}" fill="none" stroke="${escapeXml(color)}" stroke-width="${n(lineWidth)}"/>`,
    );
  }

  line(x1: number, y1: number, x2: number, y2: number, color: string, options: LineOptions = {}): void {
    const dash = options.dash ? ` stroke-dasharray="${options.dash.map(n).join(' ')}"` : '';
    this.parts.push(
      `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" stroke="${escapeXml(color)}" stroke-width="${n(options.width ?? 1)}"${dash}${opacity(options.alpha ?? 1)}/>`,
    );
  }

  polygon(points: readonly number[], fill: string, stroke?: string): void {
    const list: string[] = [];
    for (let i = 0; i + 1 < points.length; i += 2) list.push(`${n(points[i] ?? 0)},${n(points[i + 1] ?? 0)}`);
    this.parts.push(
      `<polygon points="${list.join(' ')}" fill="${escapeXml(fill)}"${stroke ? ` stroke="${escapeXml(stroke)}"` : ''}/>`,
    );
  }

  circle(x: number, y: number, radius: number, fill: string, stroke?: string): void {
    this.parts.push(
      `<circle cx="${n(x)}" cy="${n(y)}" r="${n(radius)}" fill="${escapeXml(fill)}"${stroke ? ` stroke="${escapeXml(stroke)}"` : ''}/>`,
    );
  }

  text(x: number, y: number, text: string, color: string, options: TextOptions = {}): void {
    const anchor = options.align === 'center' ? 'middle' : options.align === 'right' ? 'end' : 'start';
    this.parts.push(
      `<text x="${n(x)}" y="${n(y)}" fill="${escapeXml(color)}" text-anchor="${anchor}" dominant-baseline="central" style="font:${escapeXml(this.fonts[options.font ?? 'normal'])}"${opacity(options.alpha ?? 1)}>${escapeXml(text)}</text>`,
    );
  }

  measure(text: string, font: FontStyle = 'normal'): number {
    return this.measurer.measure(text, font);
  }

  clip(x: number, y: number, width: number, height: number, draw: () => void): void {
    const id = `clip${this.clipCount++}`;
    this.parts.push(
      `<clipPath id="${id}"><rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}"/></clipPath><g clip-path="url(#${id})">`,
    );
    draw();
    this.parts.push('</g>');
  }

  /** The finished document. */
  toSvg(width: number, height: number, title: string): string {
    const defs = [...this.hatches].map(
      ([color, id]) =>
        `<pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="2" height="6" fill="${escapeXml(color)}"/></pattern>`,
    );
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" role="img">`,
      `<title>${escapeXml(title)}</title>`,
      `<defs>${defs.join('')}</defs>`,
      ...this.parts,
      '</svg>',
      '',
    ].join('\n');
  }
}

function n(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 100) / 100) : '0';
}

function opacity(alpha: number): string {
  return alpha < 1 ? ` opacity="${n(alpha)}"` : '';
}
