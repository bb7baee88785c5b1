// The MD5 digest an upload's completion carries. Node (and Deno, Bun) hash natively through
// `process.getBuiltinModule`, with no `node:` import for a browser bundler to trip on; a browser,
// whose WebCrypto has no MD5, loads @noble/hashes, which only it then fetches.

/** The part of `node:crypto` the digest uses. */
interface NodeCrypto {
  createHash(algorithm: 'md5'): { update(bytes: Uint8Array): { digest(encoding: 'hex'): string } };
}

/** `node:crypto` where the runtime has it built in, else undefined. */
export function builtinCrypto(): NodeCrypto | undefined {
  const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } })
    .process;
  return process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;
}

/** The lower-case hex MD5 digest of `bytes`, natively where the runtime can. */
export async function md5Hex(
  bytes: Uint8Array,
  crypto: NodeCrypto | undefined = builtinCrypto(),
): Promise<string> {
  if (crypto) return crypto.createHash('md5').update(bytes).digest('hex');
  const { md5 } = await import('@noble/hashes/legacy.js');
  return Array.from(md5(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}
