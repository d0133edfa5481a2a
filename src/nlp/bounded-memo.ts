/**
 * The value `cache` holds for `key`, made by `make` and kept when it holds none; a cache that has reached
 * `limit` entries is cleared before the new one is kept (bounded, then cleared: what is asked again comes back).
 */
export function remembered<K, V>(cache: Map<K, V>, key: K, limit: number, make: (key: K) => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make(key);
    if (cache.size >= limit) cache.clear();
    cache.set(key, value);
  }
  return value;
}
