/**
 * A pure function of one key that remembers its last few thousand answers. For work a page repeats
 * with the same input on every request (a session's form token, a date's words): the answer is the
 * same each time, so computing it once per key is enough. When full it forgets everything and
 * starts again, so a process that sees many keys holds at most `limit` answers.
 */
export function remembered<K, V>(compute: (key: K) => V, limit = 4096): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      value = compute(key);
      if (known.size >= limit) known.clear();
      known.set(key, value);
    }
    return value;
  };
}
