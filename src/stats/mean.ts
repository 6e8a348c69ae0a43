/**
 * commons-math FirstMoment, which JMeter's dashboard uses for the mean: m += (x − m)/n in IEEE doubles.
 * It differs from sum/n in the last bits, so bit-equality with statistics.json needs this exact fold, in file order.
 */
export const nextMean = (mean: number, n: number, x: number): number => (n === 1 ? 0 : mean) + (x - (n === 1 ? 0 : mean)) / n;
