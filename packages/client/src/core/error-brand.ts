/**
 * The brand that lets `instanceof` recognise errors across copies of the client.
 *
 * The package ships an ESM and a CommonJS build. An app that loads both (an ESM app with a
 * CommonJS dependency, Jest beside a bundler) holds two copies of every error class, and a plain
 * `instanceof` would fail across them. Each class carries its name under a `Symbol.for` key, which
 * is the same in every copy, and `instanceof` also accepts an error whose class chain has that name.
 */
export const ERROR_BRAND: unique symbol = Symbol.for('@lightfield/client.error');

type Branded = { [ERROR_BRAND]?: string };

/** Names each class under the brand; the names stay stable when a consumer minifies the code. */
export function brandErrorClasses(
  classes: Record<string, abstract new (...args: never) => Error>,
): void {
  for (const [name, Class] of Object.entries(classes)) {
    Object.defineProperty(Class, ERROR_BRAND, { value: name });
  }
}

/** The name a class, or the nearest class it extends, is branded with. */
export function brandName(Class: object): string | undefined {
  return (Class as Branded)[ERROR_BRAND];
}

/** `value instanceof Class`, where `value` may come from another copy of the client. */
export function isBrandedInstance(Class: object, value: unknown): boolean {
  if (Function.prototype[Symbol.hasInstance].call(Class, value)) return true;
  // A user's own subclass is not branded: it matches only its own instances.
  const want = Object.hasOwn(Class, ERROR_BRAND) && brandName(Class);
  if (!want || typeof value !== 'object' || value === null) return false;
  for (
    let proto: unknown = Object.getPrototypeOf(value);
    proto;
    proto = Object.getPrototypeOf(proto)
  ) {
    const ctor = (proto as { constructor?: Branded }).constructor;
    if (ctor?.[ERROR_BRAND] === want && Object.hasOwn(ctor, ERROR_BRAND)) return true;
  }
  return false;
}
