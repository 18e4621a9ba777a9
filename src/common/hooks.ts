/**
 * In-process hooks a module offers to the modules above it, which fill them in `onModuleInit`
 * (a module never reaches up into another). `Events` maps each event to the context its handlers
 * receive; that context carries the caller's EntityManager, so every handler runs inside the
 * caller's transaction. Handlers run one after the other, in registration order; one that throws
 * aborts the caller's work (and its transaction).
 */
export class Hooks<Events extends object> {
  private readonly handlers = new Map<keyof Events, Array<(context: never) => Promise<void>>>();

  on<Event extends keyof Events>(event: Event, handler: (context: Events[Event]) => Promise<void>): void {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
  }

  /** How many handlers an event has (a caller may refuse to go on when nobody answers). */
  count(event: keyof Events): number {
    return this.handlers.get(event)?.length ?? 0;
  }

  async run<Event extends keyof Events>(event: Event, context: Events[Event]): Promise<void> {
    for (const handler of this.handlers.get(event) ?? [])
      await (handler as (context: Events[Event]) => Promise<void>)(context);
  }
}
