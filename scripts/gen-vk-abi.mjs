// Generates the shim's Vulkan ABI tables from the Khronos header (libvulkan-dev), so each Vulkan
// fact has one source:
// - shim/src/abi/vk-enums.ts: the values of the enums the shim names, every non-alias value of
//   each as the header defines it, keyed without the C prefix (VK_FORMAT_R8_UNORM is
//   VkFormat.R8_UNORM), and VK_ENUM_C_PREFIX to spell them back;
// - shim/src/abi/vk-structs.ts: the structs the shim reads and writes, with every struct they
//   contain, as field lists the layout engine (shim/src/abi/layout.ts) places by the wasm32 C
//   rules; test/shim/abi.test.ts compares each offset and size with what emcc computes.
// Run by scripts/build-wasm.sh beside gen-bindings.mjs, and before typecheck and vitest, so a
// checkout never compiles against tables older than its header. The outputs are not committed.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const [header = join(ROOT, 'wasm/build/include/vulkan/vulkan_core.h'), outDir = join(ROOT, 'shim/src/abi')] = process.argv.slice(2);

// What the shim names (a choice of this project, not a Vulkan fact): the enums whose values it
// uses and the structs it reads or writes. Structs these contain are added on their own.
const ENUMS = [
  'VkResult', 'VkStructureType', 'VkObjectType', 'VkFormat', 'VkFormatFeatureFlagBits', 'VkPhysicalDeviceType',
  'VkQueueFlagBits', 'VkMemoryPropertyFlagBits', 'VkMemoryHeapFlagBits', 'VkSampleCountFlagBits',
  'VkSubgroupFeatureFlagBits', 'VkAccessFlagBits', 'VkPipelineStageFlagBits', 'VkDependencyFlagBits',
  'VkFenceCreateFlagBits', 'VkEventCreateFlagBits', 'VkSharingMode', 'VkBufferCreateFlagBits', 'VkBufferUsageFlagBits',
  'VkImageType', 'VkImageTiling', 'VkImageViewType', 'VkImageLayout', 'VkComponentSwizzle', 'VkImageCreateFlagBits',
  'VkImageUsageFlagBits', 'VkImageAspectFlagBits', 'VkFilter', 'VkSamplerMipmapMode', 'VkSamplerAddressMode',
  'VkBorderColor', 'VkCompareOp', 'VkShaderStageFlagBits', 'VkPipelineBindPoint', 'VkPipelineCreateFlagBits',
  'VkDescriptorType', 'VkDescriptorPoolCreateFlagBits', 'VkDescriptorSetLayoutCreateFlagBits',
  'VkCommandPoolCreateFlagBits', 'VkCommandPoolResetFlagBits', 'VkCommandBufferLevel', 'VkCommandBufferUsageFlagBits',
  'VkCommandBufferResetFlagBits', 'VkDebugUtilsMessageSeverityFlagBitsEXT', 'VkDebugUtilsMessageTypeFlagBitsEXT',
];
const STRUCTS = [
  'VkExtent2D', 'VkOffset2D', 'VkAllocationCallbacks', 'VkApplicationInfo', 'VkInstanceCreateInfo',
  'VkExtensionProperties', 'VkDebugUtilsMessengerCreateInfoEXT', 'VkDebugUtilsMessengerCallbackDataEXT',
  'VkLayerProperties', 'VkPhysicalDeviceProperties', 'VkPhysicalDeviceFeatures2', 'VkPhysicalDeviceProperties2',
  'VkPhysicalDeviceSubgroupProperties', 'VkPhysicalDeviceVariablePointersFeatures',
  'VkPhysicalDeviceShaderFloat16Int8Features', 'VkPhysicalDevice16BitStorageFeatures',
  'VkPhysicalDevice8BitStorageFeatures', 'VkPhysicalDeviceShaderAtomicInt64Features',
  'VkPhysicalDeviceShaderAtomicFloatFeaturesEXT', 'VkQueueFamilyProperties', 'VkPhysicalDeviceMemoryProperties',
  'VkFormatProperties', 'VkImageFormatProperties', 'VkDeviceQueueCreateInfo', 'VkDeviceCreateInfo', 'VkSubmitInfo',
  'VkFenceCreateInfo', 'VkSemaphoreCreateInfo', 'VkEventCreateInfo', 'VkMemoryBarrier', 'VkMemoryAllocateInfo',
  'VkMappedMemoryRange', 'VkMemoryRequirements', 'VkBufferCreateInfo', 'VkBufferViewCreateInfo', 'VkImageCreateInfo',
  'VkSubresourceLayout', 'VkImageSubresource', 'VkImageViewCreateInfo', 'VkBufferMemoryBarrier',
  'VkImageMemoryBarrier', 'VkSamplerCreateInfo', 'VkShaderModuleCreateInfo', 'VkPipelineCacheCreateInfo',
  'VkSpecializationMapEntry', 'VkSpecializationInfo', 'VkComputePipelineCreateInfo', 'VkPushConstantRange',
  'VkPipelineLayoutCreateInfo', 'VkDescriptorSetLayoutBinding', 'VkDescriptorSetLayoutCreateInfo',
  'VkDescriptorPoolSize', 'VkDescriptorPoolCreateInfo', 'VkDescriptorSetAllocateInfo', 'VkDescriptorImageInfo',
  'VkDescriptorBufferInfo', 'VkWriteDescriptorSet', 'VkCopyDescriptorSet', 'VkCommandPoolCreateInfo',
  'VkCommandBufferAllocateInfo', 'VkCommandBufferInheritanceInfo', 'VkCommandBufferBeginInfo', 'VkBufferCopy', 'VkImageCopy', 'VkBufferImageCopy', 'VkClearColorValue',
  'VkClearDepthStencilValue', 'VkDispatchIndirectCommand',
];

// Without comments, and without what only VK_ENABLE_BETA_EXTENSIONS defines: this project
// compiles without it (each such block of the header holds declarations, no other directive).
const text = readFileSync(header, 'utf8')
  .replace(/\/\*[\s\S]*?\*\//g, '')
  .replace(/\/\/.*$/gm, '')
  .replace(/^#ifdef VK_ENABLE_BETA_EXTENSIONS$[^#]*^#endif$/gm, '');

// ---- Enums ----

function enumBody(name) {
  const m = new RegExp(`typedef enum ${name} \\{([^}]*)\\} ${name};`).exec(text);
  if (!m) throw new Error(`gen-vk-abi: no enum ${name} in ${header}`);
  return [...m[1].matchAll(/(\w+)\s*=\s*([^,\s]+)/g)].map(([, cName, value]) => ({ cName, value }));
}

// The prefix is the type's name in C's spelling (VkImageViewType: VK_IMAGE_VIEW_TYPE_, without
// FlagBits and the vendor suffix), cut back to what every value starts with (VkResult: VK_).
function cPrefix(name, cNames) {
  const words = name.replace(/FlagBits(?=[A-Z]*$)/, '').replace(/[A-Z]{2,}$/, '');
  let prefix = `${words.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}_`;
  while (!cNames.every((n) => n.startsWith(prefix))) prefix = prefix.replace(/[A-Z0-9]+_$/, '');
  if (prefix === '') throw new Error(`gen-vk-abi: ${name} values share no prefix`);
  return prefix;
}

const enumOut = [
  '// Generated by scripts/gen-vk-abi.mjs from vulkan/vulkan_core.h; do not edit.',
  '// Vulkan enum values for the TypeScript shim, keyed without the C prefix listed in',
  '// VK_ENUM_C_PREFIX (VK_FORMAT_R8_UNORM is VkFormat.R8_UNORM); flag-bit keys keep their _BIT',
  '// suffix. Aliases and *_MAX_ENUM are left out.',
  '',
];
const prefixes = [];
for (const name of ENUMS) {
  const values = enumBody(name).filter(({ cName, value }) => !/_MAX_ENUM(_[A-Z]+)?$/.test(cName) && !/^[A-Z_]/.test(value));
  const prefix = cPrefix(name, values.map((v) => v.cName));
  prefixes.push(`  ${name}: '${prefix}',`);
  enumOut.push(`export const ${name} = {`);
  for (const { cName, value } of values) {
    const key = cName.slice(prefix.length);
    enumOut.push(`  ${/^[A-Za-z_]/.test(key) ? key : `'${key}'`}: ${value},`);
  }
  enumOut.push('} as const;', `export type ${name} = (typeof ${name})[keyof typeof ${name}];`, '');
}
enumOut.push('// The C spelling of a value is its enum\'s prefix followed by its key.', 'export const VK_ENUM_C_PREFIX = {', ...prefixes, '} as const;', '');

// ---- Structs ----

// The scalar of each C type on wasm32, in the layout engine's terms (shim/src/abi/layout.ts).
const scalars = new Map([
  ['uint8_t', 'u8'], ['char', 'u8'], ['uint16_t', 'u16'], ['uint32_t', 'u32'], ['int32_t', 'i32'],
  ['uint64_t', 'u64'], ['float', 'f32'], ['double', 'f64'], ['size_t', 'usize'],
]);
for (const [, base, name] of text.matchAll(/^typedef (\w+) (Vk\w+);$/gm)) {
  if (scalars.has(base)) scalars.set(name, scalars.get(base));
}
for (const [, name] of text.matchAll(/^typedef enum (Vk\w+) \{/gm)) scalars.set(name, 'u32');
for (const [, name] of text.matchAll(/^VK_DEFINE_HANDLE\((\w+)\)/gm)) scalars.set(name, 'handle32');
// wasm32 has no 64-bit pointers, so the header makes these uint64_t.
for (const [, name] of text.matchAll(/^VK_DEFINE_NON_DISPATCHABLE_HANDLE\((\w+)\)/gm)) scalars.set(name, 'handle64');
for (const [, name] of text.matchAll(/^typedef \w[\w\s*]*\(VKAPI_PTR \*(PFN_\w+)\)/gm)) scalars.set(name, 'ptr');
const constants = new Map([...text.matchAll(/^#define (VK_\w+)\s+(\d+)U?$/gm)].map(([, n, v]) => [n, Number(v)]));

const aggregates = new Map();
for (const [, kind, name, body] of text.matchAll(/^typedef (struct|union) (Vk\w+) \{([^}]*)\} \2;/gm)) {
  const fields = body.split(';').map((s) => s.trim()).filter(Boolean).map((decl) => {
    const m = /^(?:const\s+)?(\w+)((?:\s*\*\s*(?:const\s*)?)*)\s*(\w+)((?:\[\w+\])*)$/.exec(decl.replace(/\s+/g, ' '));
    if (!m) return { decl };
    const [, type, stars, field, dims] = m;
    return { type, pointer: stars.includes('*'), field, dims: [...dims.matchAll(/\[(\w+)\]/g)].map(([, d]) => d) };
  });
  aggregates.set(name, { kind, fields });
}

// The layout expression of one field's type; contained structs are added to `needed`.
function fieldType(owner, f, needed) {
  if (f.decl) throw new Error(`gen-vk-abi: ${owner}: cannot place "${f.decl}"`);
  let type;
  if (f.pointer) type = "'ptr'";
  else if (scalars.has(f.type)) type = `'${scalars.get(f.type)}'`;
  else if (aggregates.has(f.type)) {
    needed(f.type);
    type = f.type;
  } else throw new Error(`gen-vk-abi: ${owner}.${f.field}: unknown type ${f.type}`);
  for (const dim of [...f.dims].reverse()) {
    const count = /^\d+$/.test(dim) ? Number(dim) : constants.get(dim);
    if (count === undefined) throw new Error(`gen-vk-abi: ${owner}.${f.field}: unknown size ${dim}`);
    type = `arrayOf(${type}, ${count})`;
  }
  return type;
}

const wanted = new Set();
function want(name) {
  if (wanted.has(name)) return;
  const agg = aggregates.get(name);
  if (!agg) throw new Error(`gen-vk-abi: no struct ${name} in ${header}`);
  wanted.add(name);
  for (const f of agg.fields) fieldType(name, f, want);
}
STRUCTS.forEach(want);

const structOut = [
  '// Generated by scripts/gen-vk-abi.mjs from vulkan/vulkan_core.h; do not edit.',
  '// wasm32 layouts of the Vulkan structs the shim reads and writes, in the header\'s field order:',
  '// enums and flag words are 4 bytes, VkDeviceSize and non-dispatchable handles 8 bytes aligned',
  '// to 8 (which is why several have padding a 4-byte-everything reading would miss).',
  '',
  "import { arrayOf, defineStruct, defineUnion } from './layout.js';",
  '',
];
// Header order is dependency order: C declares a struct before any struct that contains it.
for (const [name, { kind, fields }] of aggregates) {
  if (!wanted.has(name)) continue;
  structOut.push(`export const ${name} = ${kind === 'union' ? 'defineUnion' : 'defineStruct'}('${name}', [`);
  for (const f of fields) structOut.push(`  ['${f.field}', ${fieldType(name, f, () => {})}],`);
  structOut.push(']);', '');
}

// Written only when changed, through a rename, so concurrent runs and tsc's incremental state
// never see a half-written file.
function update(file, lines) {
  const path = join(outDir, file);
  const content = lines.join('\n');
  let old = '';
  try {
    old = readFileSync(path, 'utf8');
  } catch {
    // First run: nothing generated yet.
  }
  if (old === content) return;
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}
update('vk-enums.ts', enumOut);
update('vk-structs.ts', structOut);
