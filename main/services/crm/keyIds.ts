/**
 * Ids by string key in flat typed arrays, for the customers of a large import:
 * 12 bytes per slot (a 64-bit hash of the key and the id) instead of ~100 bytes
 * per Map entry, so half a million customer names stay a few MB. Two different
 * keys share an id only if both 32-bit hashes collide (about 3e-8 at a million keys).
 */
export class KeyIds {
  private lo: Uint32Array;
  private hi: Uint32Array;
  private ids: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1 << 12) {
    let cap = 1 << 4;
    while (cap < capacity * 2) cap <<= 1;
    this.lo = new Uint32Array(cap);
    this.hi = new Uint32Array(cap);
    this.ids = new Int32Array(cap);
    this.mask = cap - 1;
  }

  /** The id stored for the key, or 0 (ids are positive row ids). */
  get(key: string): number {
    const [a, b] = hash(key);
    for (let i = a & this.mask; ; i = (i + 1) & this.mask) {
      const id = this.ids[i];
      if (id === 0) return 0;
      if (this.lo[i] === a && this.hi[i] === b) return id;
    }
  }

  set(key: string, id: number): void {
    if (id <= 0) throw new RangeError('ids must be positive');
    if ((this.size + 1) * 2 > this.ids.length) this.grow();
    const [a, b] = hash(key);
    if (this.put(a, b, id)) this.size++;
  }

  /** true when the slot was new. */
  private put(a: number, b: number, id: number): boolean {
    for (let i = a & this.mask; ; i = (i + 1) & this.mask) {
      if (this.ids[i] === 0) {
        this.lo[i] = a;
        this.hi[i] = b;
        this.ids[i] = id;
        return true;
      }
      if (this.lo[i] === a && this.hi[i] === b) {
        this.ids[i] = id;
        return false;
      }
    }
  }

  private grow() {
    const { lo, hi, ids } = this;
    const cap = ids.length * 2;
    this.lo = new Uint32Array(cap);
    this.hi = new Uint32Array(cap);
    this.ids = new Int32Array(cap);
    this.mask = cap - 1;
    for (let i = 0; i < ids.length; i++) if (ids[i] !== 0) this.put(lo[i], hi[i], ids[i]);
  }
}

/** Two independent 32-bit hashes of a string: FNV-1a and a murmur3-style mix. */
function hash(s: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    let k = Math.imul(c, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    b ^= Math.imul(k, 0x1b873593);
    b = (b << 13) | (b >>> 19);
    b = (Math.imul(b, 5) + 0xe6546b64) | 0;
  }
  b ^= b >>> 16;
  b = Math.imul(b, 0x85ebca6b);
  b ^= b >>> 13;
  return [a >>> 0, b >>> 0];
}
