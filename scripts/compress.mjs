// How the build precompresses its files (scripts/postbuild.mjs), and so how the
// benchmark measures them: brotli at its highest quality, and gzip -9.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const brotli = (buf) =>
  brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } });
export const gzip = (buf) => gzipSync(buf, { level: 9 });
