/**
 * A bounded memo: the newest `capacity` results by key, least recently used dropped first. The
 * mock's data never changes, so a filter's matches or an order of every ticket, once computed,
 * serve every later page of a walk: a page costs its own length, not the size of the store.
 */
export class Memo<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`Memo: capacity must be a positive integer, got ${String(capacity)}`);
  }

  get(key: string, compute: () => V): V {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Re-inserted: a Map iterates in insertion order, so the first key is the least recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = compute();
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}
