// VkShaderModule: SPIR-V words kept as given. Translation to WGSL needs the entry point, which
// only vkCreateComputePipelines names, so it happens there (once per module and entry point).

import { VkResult } from '../abi/vk-enums.js';
import { VkFailure } from '../validation.js';
import { IndexOrderRefusal, translateSpirv, type TranslationResult } from '../../spirv/translate.js';
import { SpirvTranslationError, SpirvUnsupportedError } from '../../spirv/errors.js';
import type { Device } from './device.js';
import { hashWords, sameWords } from './recent.js';

export const SPIRV_MAGIC = 0x07230203;

export class ShaderModule {
  /**
   * Translations by entry point name (and specialization values, when there are any), shared
   * with earlier shader modules of the same words on this device (a module loaded again).
   */
  readonly translations: Map<string, TranslationResult>;
  constructor(
    readonly device: Device,
    readonly words: Uint32Array,
  ) {
    const key = hashWords(words);
    const recent = device.recentTranslations.get(key);
    if (recent && sameWords(recent.words, words)) {
      this.translations = recent.translations;
    } else {
      this.translations = new Map();
      device.recentTranslations.set(key, { words, translations: this.translations });
    }
  }

  /** The WGSL of one entry point with these specialization values (named by `key`), translated once. */
  translate(entryPoint: string, specialization: Map<number, Uint8Array>, key: string, pushConstantSet: number): TranslationResult {
    const cacheKey = `${entryPoint}\u0000${pushConstantSet}\u0000${key}`;
    let translation = this.translations.get(cacheKey);
    if (!translation) {
      const indexOrder = this.device.deterministic;
      try {
        translation = translateSpirv(this.words, { entryPoint, f16: this.device.gpu.features.has('shader-f16'), subgroups: this.device.gpu.features.has('subgroups'), specialization, pushConstantSet, indexOrder });
      } catch (e) {
        // Valid SPIR-V needing what WGSL lacks (8- or 64-bit types): as Vulkan answers a shader
        // whose capability's extension the device does not have.
        if (e instanceof SpirvUnsupportedError) throw new VkFailure(VkResult.ERROR_EXTENSION_NOT_PRESENT, `SPIR-V to WGSL: ${e.message}`);
        if (e instanceof SpirvTranslationError) throw new VkFailure(VkResult.ERROR_INVALID_SHADER_NV, `SPIR-V to WGSL: ${e.message}`);
        // A valid shader this mode cannot run: the feature (one invocation in index order) is missing for it.
        if (e instanceof IndexOrderRefusal) throw new VkFailure(VkResult.ERROR_FEATURE_NOT_PRESENT, `deterministic device: ${e.message}`);
        throw e;
      }
      this.translations.set(cacheKey, translation);
    }
    return translation;
  }
}
