/**
 * Groups calls that arrive while a batch is running into the next batch (group commit): the first
 * call runs at once, alone; under load each batch takes everything that queued meanwhile, up to
 * `maxBatch`. So it adds no waiting when idle and saves a transaction per item when busy.
 *
 * `run` must answer one result per input, in order. When a batch of several fails, each of its
 * inputs is run again on its own, so one bad input fails only its own call.
 */
export class MicroBatcher<Input, Output> {
  private readonly queued: Array<{
    input: Input;
    resolve: (output: Output) => void;
    reject: (error: unknown) => void;
  }> = [];
  private running = 0;

  constructor(
    private readonly run: (inputs: Input[]) => Promise<Output[]>,
    private readonly maxBatch: number,
    private readonly maxParallel = 1,
  ) {}

  submit(input: Input): Promise<Output> {
    return new Promise<Output>((resolve, reject) => {
      this.queued.push({ input, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    while (this.running < this.maxParallel && this.queued.length) {
      const batch = this.queued.splice(0, this.maxBatch);
      this.running += 1;
      void this.runBatch(batch).finally(() => {
        this.running -= 1;
        this.next();
      });
    }
  }

  private async runBatch(batch: typeof this.queued): Promise<void> {
    try {
      const outputs = await this.run(batch.map((item) => item.input));
      batch.forEach((item, index) => item.resolve(outputs[index]!));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      for (const item of batch) {
        try {
          item.resolve((await this.run([item.input]))[0]!);
        } catch (single) {
          item.reject(single);
        }
      }
    }
  }
}
