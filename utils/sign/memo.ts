/**
 * A fact of an object computed once per object. For what is read from a parsed certificate or
 * name: certificateFromDer gives one object per DER, never changed after reading, so an inbox
 * of reports from the same observers reads each certificate's extensions once, not per file.
 */
export function perObject<K extends object, V>(fn: (key: K) => V): (key: K) => V {
  const known = new WeakMap<K, V>();
  return (key) => {
    if (known.has(key)) return known.get(key)!;
    const value = fn(key);
    known.set(key, value);
    return value;
  };
}
