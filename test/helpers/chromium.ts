// Debian's Chromium through playwright-core, headless, with WebGPU on SwiftShader.
import { chromium, type Browser } from 'playwright-core';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--enable-unsafe-webgpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Without these, the first getCurrentTexture() of a WebGPU canvas destroys the device on
      // this Chromium (no GPU); with them, canvases present and show up in screenshots.
      '--enable-features=Vulkan',
      '--use-angle=swiftshader',
      '--use-vulkan=swiftshader',
    ],
  });
}
