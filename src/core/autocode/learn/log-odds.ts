/**
 * Weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin'
 * Words", eq. 16–22): for a word w, y_i its count in the code's segments (n_i words in all), y_j in the
 * rest (n_j), α_w its prior count and α_0 the prior's total,
 *
 *   δ = log((y_i + α_w) / (n_i + α_0 − y_i − α_w)) − log((y_j + α_w) / (n_j + α_0 − y_j − α_w))
 *   z = δ / √(1 / (y_i + α_w) + 1 / (y_j + α_w))
 *
 * The prior is the whole corpus (both sides), scaled to α_0: α_w = α_0 · (y_i + y_j) / (n_i + n_j).
 */

export interface LogOdds {
  delta: number;
  z: number;
}

export function weightedLogOdds(yi: number, ni: number, yj: number, nj: number, alphaW: number, alpha0: number): LogOdds {
  const delta = Math.log((yi + alphaW) / (ni + alpha0 - yi - alphaW)) - Math.log((yj + alphaW) / (nj + alpha0 - yj - alphaW));
  return { delta, z: delta / Math.sqrt(1 / (yi + alphaW) + 1 / (yj + alphaW)) };
}
