export interface Point {
  hour: string;
  requests: number;
  errors: number;
}

export interface Bar {
  hour: string;
  x: number;
  width: number;
  /** Top of the requests bar and of the errors bar inside it (SVG y grows downwards). */
  y: number;
  height: number;
  errorY: number;
  errorHeight: number;
  requests: number;
  errors: number;
}

export interface Chart {
  bars: Bar[];
  /** The scale's top: the largest hour rounded up to a round number, so the axis reads well. */
  max: number;
  total: number;
  errors: number;
}

/** A round number at or above `value`: 1, 2 or 5 times a power of ten. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/** Bars of requests per hour with their errors inside, scaled into a width × height box. */
export function chartOf(points: Point[], width: number, height: number): Chart {
  const highest = points.reduce((max, p) => Math.max(max, p.requests), 0);
  const max = niceCeiling(highest);
  const slot = points.length > 0 ? width / points.length : width;
  const gap = slot > 4 ? 1 : 0;
  const bars = points.map((p, i) => {
    const barHeight = (p.requests / max) * height;
    const errorHeight = (Math.min(p.errors, p.requests) / max) * height;
    return {
      hour: p.hour,
      x: i * slot,
      width: Math.max(slot - gap, 0.5),
      y: height - barHeight,
      height: barHeight,
      errorY: height - errorHeight,
      errorHeight,
      requests: p.requests,
      errors: p.errors,
    };
  });
  return {
    bars,
    max,
    total: points.reduce((sum, p) => sum + p.requests, 0),
    errors: points.reduce((sum, p) => sum + p.errors, 0),
  };
}
