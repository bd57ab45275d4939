import { check } from '../checker/check.ts';
import { twoPhaseSpec } from "../model/transaction-commit/two-phase.ts";
const spec = twoPhaseSpec(3);
const props = { properties: ['TPTypeOK', 'TCConsistent'] };
check(spec, { engine: 'random', seed: 1, runs: 5000, depth: 20, ...props });
for (let k = 0; k < 3; k++) {
const r = check(spec, { engine: 'random', seed: 2, runs: 100000, depth: 20, ...props });
console.log(r.stats.simulation!.stepsPerSecond);
}
