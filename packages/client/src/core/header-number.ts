/** A response header as a number; undefined when it is absent, blank or not a finite number. */
export function headerNumber(headers: Headers, name: string): number | undefined {
  const text = headers.get(name);
  const value = Number(text);
  return text?.trim() && Number.isFinite(value) ? value : undefined;
}
