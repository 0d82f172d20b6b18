// The StrykerJS config of one piece of the full run (run-piece.sh): the project's config with
// the piece's own incremental file and JSON report, named by $PIECE.
import base from '../../stryker.config.mjs';

const piece = process.env.PIECE;
if (!piece) throw new Error('piece.config.mjs: set PIECE to the name of the piece');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  incrementalFile: `reports/mutation/pieces/${piece}.incremental.json`,
  reporters: ['json', 'progress'],
  jsonReporter: { fileName: `reports/mutation/pieces/${piece}.report.json` },
};
