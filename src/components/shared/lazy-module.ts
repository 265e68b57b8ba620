import type { ReactiveControllerHost } from 'lit';

/**
 * Code an element loads on demand with `import()` (the tracker's chart and exports, the booking's
 * calendar file), with the state to render while it comes: `loading` (show progress), `failed`
 * (show the error and Retry, which calls `load()` again), then `module`.
 */
export class LazyModule<T> {
  module?: T;
  failed = false;
  #loading?: Promise<T> | undefined;

  constructor(
    private readonly host: Pick<ReactiveControllerHost, 'requestUpdate'>,
    private readonly importer: () => Promise<T>,
  ) {}

  get loading(): boolean {
    return !!this.#loading && !this.module;
  }

  /** Starts the load once (again after a failure) and re-renders the host when it ends. */
  load(): Promise<T> {
    if (this.#loading) return this.#loading;
    this.#loading = this.importer().then(
      (module) => {
        this.module = module;
        this.failed = false;
        this.host.requestUpdate();
        return module;
      },
      (error: unknown) => {
        this.#loading = undefined;
        this.failed = true;
        this.host.requestUpdate();
        throw error;
      },
    );
    this.failed = false;
    if (!this.module) this.host.requestUpdate();
    return this.#loading;
  }
}
