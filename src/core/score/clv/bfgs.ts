import { type LinePoint, type Objective, wolfeLineSearch } from './line-search.js';

/**
 * BFGS quasi-Newton minimisation with the inverse-Hessian update and the first-step
 * scaling of Nocedal & Wright, Numerical Optimization (2nd ed.), Algorithm 6.1 and
 * eq. 6.20. The models here have three or four parameters, so the dense n×n update
 * costs nothing next to one pass over the customers.
 */

export interface MinimiseOptions {
  /** Converged when every gradient component is at most this. */
  gradientTolerance: number;
  maxIterations: number;
  /** Largest move of any coordinate in one step: keeps trial points inside the range where the likelihood is finite. */
  maxStep: number;
}

export interface MinimiseResult {
  theta: Float64Array;
  value: number;
  /** Largest absolute gradient component at theta. */
  gradientNorm: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

export function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
  return m;
}

/**
 * BFGS stops after this many iterations in a row that lower the value by no more than
 * STALL_IMPROVEMENT: on a likelihood that runs off to the edge of its range, the gradient
 * never meets the tolerance and each further iteration costs a line search of tens of
 * evaluations for nothing. A fit that converges gains more than this per iteration until
 * it meets the gradient tolerance.
 */
const STALL_ITERATIONS = 20;
const STALL_IMPROVEMENT = 1e-10;

function identity(n: number): Float64Array {
  const h = new Float64Array(n * n);
  for (let i = 0; i < n; i++) h[i * n + i] = 1;
  return h;
}

export function bfgs(objective: Objective, start: Float64Array, options: MinimiseOptions): MinimiseResult {
  const n = start.length;
  const count = { evaluations: 0 };
  const gradient = new Float64Array(n);
  const value = objective(start, gradient);
  count.evaluations += 1;
  let point: LinePoint = { step: 0, theta: Float64Array.from(start), value, gradient, slope: 0 };
  const finish = (iterations: number): MinimiseResult => {
    const gradientNorm = maxAbs(point.gradient);
    return {
      theta: point.theta,
      value: point.value,
      gradientNorm,
      iterations,
      evaluations: count.evaluations,
      converged: Number.isFinite(point.value) && gradientNorm <= options.gradientTolerance,
    };
  };
  if (!Number.isFinite(value) || !Number.isFinite(maxAbs(gradient))) return finish(0);

  let inverseHessian = identity(n);
  let fresh = true;
  const direction = new Float64Array(n);
  let best = point.value;
  let improvedAt = 0;
  for (let iteration = 0; iteration < options.maxIterations; iteration++) {
    if (maxAbs(point.gradient) <= options.gradientTolerance || iteration - improvedAt >= STALL_ITERATIONS) return finish(iteration);
    let slope = 0;
    for (let i = 0; i < n; i++) {
      let d = 0;
      for (let j = 0; j < n; j++) d -= inverseHessian[i * n + j] * point.gradient[j];
      direction[i] = d;
      slope += d * point.gradient[i];
    }
    if (!(slope < 0)) {
      inverseHessian = identity(n);
      fresh = true;
      for (let i = 0; i < n; i++) direction[i] = -point.gradient[i];
      slope = -point.gradient.reduce((sum, g) => sum + g * g, 0);
    }
    const longest = maxAbs(direction);
    const firstStep = longest > options.maxStep ? options.maxStep / longest : 1;
    const next = wolfeLineSearch(objective, { ...point, step: 0, slope }, direction, firstStep, count);
    if (next === null) {
      if (fresh) return finish(iteration);
      inverseHessian = identity(n);
      fresh = true;
      continue;
    }

    const s = new Float64Array(n);
    const y = new Float64Array(n);
    let sy = 0;
    let yy = 0;
    for (let i = 0; i < n; i++) {
      s[i] = next.theta[i] - point.theta[i];
      y[i] = next.gradient[i] - point.gradient[i];
      sy += s[i] * y[i];
      yy += y[i] * y[i];
    }
    point = next;
    if (best - point.value > STALL_IMPROVEMENT) {
      best = point.value;
      improvedAt = iteration + 1;
    }
    if (!(sy > 0)) continue;
    if (fresh) {
      inverseHessian = identity(n).map((h) => (h * sy) / yy);
      fresh = false;
    }
    // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, with ρ = 1 / yᵀs.
    const rho = 1 / sy;
    const hy = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) hy[i] += inverseHessian[i * n + j] * y[j];
    let yhy = 0;
    for (let i = 0; i < n; i++) yhy += y[i] * hy[i];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        inverseHessian[i * n + j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
      }
    }
  }
  return finish(options.maxIterations);
}
