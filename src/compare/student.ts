import { probit } from 'simple-statistics';

const cache = new Map<string, number>();

/**
 * The two-sided Student t quantile for `df` degrees of freedom at `confidence` (simple-statistics has no inverse
 * t). With t = √df·tan θ the density becomes ∝ cos^(df−1) θ on [0, π/2): its share up to θ is integrated by
 * Simpson's rule and inverted by bisection; cached per (confidence, df).
 */
export function studentQuantile(confidence: number, df: number): number {
  if (!Number.isFinite(df) || df > 1000) return probit(1 - (1 - confidence) / 2);
  const d = Math.max(1, Math.floor(df));
  const key = `${confidence}|${d}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const mass = (theta: number) => {
    const n = 600;
    const h = theta / n;
    const f = (x: number) => Math.cos(x) ** (d - 1);
    let s = f(0) + f(theta);
    for (let i = 1; i < n; i++) s += (i % 2 === 1 ? 4 : 2) * f(i * h);
    return (s * h) / 3;
  };
  const whole = mass(Math.PI / 2);
  let lo = 0;
  let hi = Math.PI / 2;
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (mass(mid) / whole < confidence) lo = mid;
    else hi = mid;
  }
  const t = Math.sqrt(d) * Math.tan((lo + hi) / 2);
  cache.set(key, t);
  return t;
}
