import { expect } from '@open-wc/testing';
import { LazyModule } from '../../src/components/shared/lazy-module.js';

/** A host that counts the renders it was asked for. */
const host = () => ({ updates: 0, requestUpdate() { this.updates++; }, addController() {}, removeController() {}, updateComplete: Promise.resolve(true) });

describe('LazyModule (code loaded on demand)', () => {
  it('is loading, then failed with the error, and a retry loads it', async () => {
    const h = host();
    let attempts = 0;
    const lazy = new LazyModule(h, async () => {
      attempts++;
      if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return { answer: 42 };
    });
    const first = lazy.load();
    expect(lazy.loading).to.equal(true);
    const error = await first.catch((e: Error) => e);
    expect((error as Error).message).to.equal('Failed to fetch dynamically imported module');
    expect([lazy.failed, lazy.loading, lazy.module]).to.deep.equal([true, false, undefined]);

    const module = await lazy.load(); // Retry
    expect(module.answer).to.equal(42);
    expect([lazy.failed, lazy.loading, lazy.module]).to.deep.equal([false, false, { answer: 42 }]);
    expect(attempts).to.equal(2);
    await lazy.load();
    expect(attempts).to.equal(2); // loaded once
    expect(h.updates).to.be.greaterThan(2);
  });
});
