import { MicroBatcher } from '../micro-batcher';

/** A run whose batches the test releases by hand, recording what each batch held. */
function controlledRun() {
  const batches: number[][] = [];
  const release: Array<() => void> = [];
  const run = (inputs: number[]) => {
    batches.push(inputs);
    return new Promise<number[]>((resolve, reject) => {
      release.push(() => (inputs.includes(13) ? reject(new Error('unlucky')) : resolve(inputs.map((n) => n * 10))));
    });
  };
  return { batches, release, run };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('MicroBatcher', () => {
  it('runs the first call alone and groups the calls that arrive meanwhile, up to the batch size', async () => {
    const { batches, release, run } = controlledRun();
    const batcher = new MicroBatcher(run, 3);
    const results = [1, 2, 3, 4, 5, 6].map((n) => batcher.submit(n));
    expect(batches).toEqual([[1]]);
    release.shift()!();
    await settle();
    expect(batches).toEqual([[1], [2, 3, 4]]);
    release.shift()!();
    await settle();
    release.shift()!();
    expect(await Promise.all(results)).toEqual([10, 20, 30, 40, 50, 60]);
    expect(batches).toEqual([[1], [2, 3, 4], [5, 6]]);
  });

  it('runs the inputs of a failed batch one by one, so only the bad one fails', async () => {
    const { batches, release, run } = controlledRun();
    const batcher = new MicroBatcher(run, 10);
    const first = batcher.submit(1);
    const rest = [12, 13, 14].map((n) => batcher.submit(n).catch((error: Error) => error.message));
    release.shift()!();
    await first;
    await settle();
    release.shift()!(); // the batch [12, 13, 14] fails
    for (let i = 0; i < 3; i += 1) {
      await settle();
      release.shift()!();
    }
    expect(await Promise.all(rest)).toEqual([120, 'unlucky', 140]);
    expect(batches).toEqual([[1], [12, 13, 14], [12], [13], [14]]);
  });
});
