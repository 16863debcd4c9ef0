// Fetches taichi.wasm and checks what came back, so a misplaced file is reported as such (a dev
// server's index.html fallback answers 200 with text/html) instead of as an abort inside the glue.

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];

/** What is wrong with one response, or undefined when it is a wasm module. */
function problem(response: Response, bytes: Uint8Array | undefined): string | undefined {
  if (!response.ok) return `HTTP ${response.status} ${response.statusText}`.trim();
  const type = response.headers.get('content-type') ?? '';
  if (bytes && !WASM_MAGIC.every((b, i) => bytes[i] === b)) {
    const head = [...bytes.subarray(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    const hint = type.includes('text/html') ? ': a page, likely a server answering a missing file with its index.html' : '';
    return `not a wasm module (content type '${type || 'none'}', first bytes ${head})${hint}`;
  }
  return undefined;
}

/** The bytes of the first of `urls` that is a wasm module; an error listing every attempt otherwise. */
export async function fetchWasm(urls: URL[]): Promise<Uint8Array> {
  const tried: string[] = [];
  for (const url of urls) {
    let response: Response;
    try {
      response = await fetch(url, { credentials: 'same-origin' });
    } catch (error) {
      tried.push(`${url.href}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const early = problem(response, undefined);
    if (early) {
      tried.push(`${url.href}: ${early}`);
      continue;
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    const late = problem(response, bytes);
    if (!late) return bytes;
    tried.push(`${url.href}: ${late}`);
  }
  throw new Error(
    `taichi-wasm: could not load taichi.wasm. Tried:\n  ${tried.join('\n  ')}\n` +
      "Serve the package's taichi.wasm (node_modules/taichi-wasm/dist/wasm/build/taichi.wasm) with your app and pass its URL as Runtime.create({ wasmUrl }).",
  );
}
