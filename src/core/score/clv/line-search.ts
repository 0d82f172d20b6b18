/**
 * A line search that finds a step satisfying the strong Wolfe conditions, Nocedal &
 * Wright, Numerical Optimization (2nd ed.), Algorithms 3.5 and 3.6, with a safeguarded
 * quadratic interpolation inside the bracket. Trial points where the objective is not
 * finite (a log-parameter so large that a term overflows) count as "too far".
 *
 * Near the optimum the decrease a step brings falls below the rounding of the objective
 * itself, and the plain sufficient-decrease test fails although the slope says the step
 * is good. There we use Hager & Zhang's approximate Wolfe condition (SIAM J. Optim.
 * 16(1), 2005, eq. 4.1): a value within NOISE of the start and a slope no worse than
 * (2δ − 1) φ'(0) count as sufficient decrease. It is what lets BFGS drive the gradient
 * below the tolerance instead of stalling a little above it.
 */

/** Objective value at theta; writes the gradient into `gradient`. */
export type Objective = (theta: Float64Array, gradient: Float64Array) => number;

export interface LinePoint {
  step: number;
  theta: Float64Array;
  value: number;
  gradient: Float64Array;
  slope: number;
}

const SUFFICIENT_DECREASE = 1e-4;
const CURVATURE = 0.9;
const MAX_TRIALS = 40;
const NOISE = 1e-10;

function dot(u: Float64Array, v: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < u.length; i++) sum += u[i] * v[i];
  return sum;
}

/** Searches along `direction` from `start`; null when no acceptable step exists (the direction is not one of descent, or the bracket collapsed). */
export function wolfeLineSearch(
  objective: Objective,
  start: LinePoint,
  direction: Float64Array,
  firstStep: number,
  count: { evaluations: number },
): LinePoint | null {
  const slope0 = start.slope;
  if (!(slope0 < 0)) return null;

  const at = (step: number): LinePoint => {
    const theta = new Float64Array(start.theta.length);
    for (let i = 0; i < theta.length; i++) theta[i] = start.theta[i] + step * direction[i];
    const gradient = new Float64Array(theta.length);
    const value = objective(theta, gradient);
    count.evaluations += 1;
    return { step, theta, value, gradient, slope: dot(gradient, direction) };
  };
  const approximatelyWolfe = (point: LinePoint): boolean =>
    point.value <= start.value + NOISE * Math.abs(start.value) && point.slope <= (2 * SUFFICIENT_DECREASE - 1) * slope0;
  const tooHigh = (point: LinePoint, reference: number): boolean =>
    !Number.isFinite(point.value) ||
    ((point.value > start.value + SUFFICIENT_DECREASE * point.step * slope0 || point.value >= reference) && !approximatelyWolfe(point));
  const flatEnough = (point: LinePoint): boolean => Number.isFinite(point.slope) && Math.abs(point.slope) <= -CURVATURE * slope0;

  const zoom = (lo: LinePoint, hi: LinePoint): LinePoint | null => {
    for (let trial = 0; trial < MAX_TRIALS; trial++) {
      const width = hi.step - lo.step;
      let step = lo.step + width / 2;
      if (Number.isFinite(hi.value)) {
        // Minimiser of the quadratic through φ(lo), φ'(lo) and φ(hi).
        const curvature = hi.value - lo.value - lo.slope * width;
        if (curvature > 0) step = lo.step - (lo.slope * width * width) / (2 * curvature);
      }
      const low = Math.min(lo.step, hi.step);
      const high = Math.max(lo.step, hi.step);
      const margin = 0.1 * (high - low);
      step = Math.min(Math.max(step, low + margin), high - margin);
      const point = at(step);
      if (tooHigh(point, lo.value)) hi = point;
      else {
        if (flatEnough(point)) return point;
        if (point.slope * (hi.step - lo.step) >= 0) hi = lo;
        lo = point;
      }
      if (Math.abs(hi.step - lo.step) <= 1e-12 * Math.max(1, lo.step)) break;
    }
    // The bracket collapsed: a point with sufficient decrease is still progress.
    return lo.step > 0 ? lo : null;
  };

  let previous = start;
  let step = firstStep;
  for (let trial = 0; trial < MAX_TRIALS; trial++) {
    const point = at(step);
    if (tooHigh(point, trial === 0 ? Infinity : previous.value)) return zoom(previous, point);
    if (flatEnough(point)) return point;
    if (point.slope >= 0) return zoom(point, previous);
    previous = point;
    step *= 2;
  }
  return previous.step > 0 ? previous : null;
}
