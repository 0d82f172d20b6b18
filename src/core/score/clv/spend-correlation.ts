/**
 * Pearson's correlation coefficient of two equally long columns; NaN when either is
 * constant or there are fewer than two values.
 *
 * Gamma-Gamma assumes that how much a customer spends per purchase is independent of how
 * often they buy (Fader, Hardie & Lee 2005 "RFM and CLV" §4; CDNOW's repeaters show
 * r ≈ 0.11). A correlation this check finds strong means the spend predictions carry a bias
 * worth a warning.
 */
export function pearsonCorrelation(u: Float64Array, v: Float64Array): number {
  const n = u.length;
  if (n < 2) return Number.NaN;
  let meanU = 0;
  let meanV = 0;
  for (let i = 0; i < n; i++) {
    meanU += u[i] / n;
    meanV += v[i] / n;
  }
  let suv = 0;
  let suu = 0;
  let svv = 0;
  for (let i = 0; i < n; i++) {
    const du = u[i] - meanU;
    const dv = v[i] - meanV;
    suv += du * dv;
    suu += du * du;
    svv += dv * dv;
  }
  return suu > 0 && svv > 0 ? suv / Math.sqrt(suu * svv) : Number.NaN;
}
