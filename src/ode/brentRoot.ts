/**
 * Brent's method for a root of g on [a, b] where g(a) and g(b) differ in sign (R. P. Brent, Algorithms for
 * Minimization without Derivatives, 1973, ch. 4, procedure zero): inverse quadratic interpolation and secant
 * steps, guarded by bisection so the bracket shrinks at least as fast as bisection's every few steps.
 * It stops when the bracket is within 4 eps |b| + xtol, so with xtol = 0 the root is found to the
 * resolution of the time variable.
 */

/** A root of g in [a, b]; ga = g(a) and gb = g(b) must differ in sign (either may be 0). */
export function brentRoot(
  g: (x: number) => number,
  a: number,
  b: number,
  ga: number,
  gb: number,
  xtol = 0,
): number {
  if (ga === 0) return a;
  if (gb === 0) return b;
  let c = a;
  let gc = ga;
  let d = b - a;
  let e = d;
  for (let iteration = 0; iteration < 200; iteration++) {
    if (Math.abs(gc) < Math.abs(gb)) {
      a = b;
      b = c;
      c = a;
      ga = gb;
      gb = gc;
      gc = ga;
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + 0.5 * xtol;
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol || gb === 0) return b;
    if (Math.abs(e) < tol || Math.abs(ga) <= Math.abs(gb)) {
      d = m;
      e = m;
    } else {
      let p: number;
      let q: number;
      const s = gb / ga;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qa = ga / gc;
        const r = gb / gc;
        p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < 3 * m * q - Math.abs(tol * q) && p < Math.abs(0.5 * e * q)) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    }
    a = b;
    ga = gb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    gb = g(b);
    if ((gb > 0 && gc > 0) || (gb < 0 && gc < 0)) {
      c = a;
      gc = ga;
      d = b - a;
      e = d;
    }
  }
  return b;
}
