// Structural mutations of a JSON document (metadata.json, graphs.json): wrong types, missing or
// repeated members, out-of-range numbers written as text JSON.stringify cannot produce, deep
// nesting. Keys the loader reads are preferred as targets, so most cases get past the parser.

import type { Rng } from '../helpers/random.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Node {
  path: string;
  key: string | number | undefined;
  parent: Json[] | { [key: string]: Json } | undefined;
  value: Json;
}

/** Members the loader reads; mutating them reaches the checks behind the parser. */
const READ_KEYS = new Set([
  'kernels', 'name', 'ctx_attribs', 'args_bytes_', 'rets_bytes_', 'arg_attribs_vec_', 'key', 'value', 'ptype', 'dtype', 'field_dim',
  'element_shape', 'args_type_', 'content', 'elements_', 'offset', 'type', 'type_kind', 'tasks_attribs', 'advisory_total_num_threads',
  'advisory_num_threads_per_group', 'task_type', 'buffer_binds', 'binding', 'buffer', 'root_id', 'texture_binds', 'arg_id', 'is_storage',
  'root_buffer_size', 'required_caps', 'dispatches', 'kernel_name', 'symbolic_args', 'tag', 'dtype_id',
]);

/** Raw JSON texts: boundary numbers (some beyond int64 or double), wrong types, bad strings. */
const ODD_VALUES = [
  'null', 'true', 'false', '0', '-1', '1', '2', '3', '16', '17', '64', '65', '1000', '1001', '1024', '65536', '65537', '1048577',
  '2147483647', '2147483648', '-2147483648', '4294967295', '4294967296', '4294967297', '9007199254740993', '9223372036854775807',
  '9223372036854775808', '18446744073709551615', '18446744073709551616', '-9223372036854775808', '-9223372036854775809',
  '123456789012345678901234567890', '1e300', '1e999', '-1e999', '0.5', '-0.0', '1e-320', '2.0', '""', '"x"', '"\\u0000"', '"\\ud800"',
  '"shape"', '"spirv_version"', '[]', '{}', '[[]]', '[0]', '[-1]', '[0,0]', '[4294967296]', '{"content":{}}', '{"type":5}',
];

const TOKEN = (i: number): string => `@@RAW${i}@@`;

function collect(root: Json): Node[] {
  const nodes: Node[] = [];
  const stack: Node[] = [{ path: '$', key: undefined, parent: undefined, value: root }];
  while (stack.length > 0 && nodes.length < 200_000) {
    const n = stack.pop()!;
    nodes.push(n);
    const v = n.value;
    if (Array.isArray(v)) v.forEach((c, i) => stack.push({ path: `${n.path}[${i}]`, key: i, parent: v, value: c }));
    else if (v !== null && typeof v === 'object') for (const [k, c] of Object.entries(v)) stack.push({ path: `${n.path}.${k}`, key: k, parent: v, value: c });
  }
  return nodes;
}

function set(node: Node, value: Json): void {
  if (node.parent === undefined) return;
  (node.parent as Record<string | number, Json>)[node.key as string] = value;
}

function deepNesting(rng: Rng): { text: string; what: string } {
  const depth = rng.pick([64, 1000, 10_000, 100_000, 1_000_000]);
  if (rng.chance(0.5)) return { text: '['.repeat(depth) + ']'.repeat(depth), what: `${depth} nested arrays` };
  return { text: '{"a":'.repeat(depth) + '1' + '}'.repeat(depth), what: `${depth} nested objects` };
}

function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) max = Math.max(max, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

/** Applies 1 to 3 mutations to the document `text`; returns the new text and what was done. */
export function mutateJson(text: string, rng: Rng): { text: string; what: string } {
  // An earlier mutation may have nested it too deeply for structuredClone and JSON.stringify.
  if (nestingDepth(text) > 1000) return { text, what: 'too deeply nested to mutate, left as is' };
  let root: Json;
  try {
    root = JSON.parse(text) as Json;
  } catch {
    return { text, what: 'not JSON, left as is' };
  }
  const raws: string[] = [];
  const done: string[] = [];
  const count = rng.range(1, 3);
  for (let m = 0; m < count; m++) {
    const nodes = collect(root);
    const read = nodes.filter((n) => typeof n.key === 'string' && READ_KEYS.has(n.key));
    const node = read.length > 0 && rng.chance(0.7) ? rng.pick(read) : rng.pick(nodes);
    const op = rng.int(8);
    if (node.parent === undefined && op !== 6) {
      if (rng.chance(0.5)) {
        raws.push(rng.pick(ODD_VALUES));
        root = TOKEN(raws.length - 1);
        done.push(`document := ${raws[raws.length - 1]}`);
      }
      continue;
    }
    switch (op) {
      case 0: {
        raws.push(rng.pick(ODD_VALUES));
        set(node, TOKEN(raws.length - 1));
        done.push(`${node.path} := ${raws[raws.length - 1]}`);
        break;
      }
      case 1: {
        if (typeof node.value !== 'number') {
          raws.push(String(rng.edgeInt()));
          set(node, TOKEN(raws.length - 1));
          done.push(`${node.path} := ${raws[raws.length - 1]}`);
          break;
        }
        const v = node.value;
        const nv = rng.pick([v + 1, v - 1, v * 2, -v, v + 4, v - 4, v * 4096, Math.floor(v / 2), v + 2 ** 32]);
        set(node, nv);
        done.push(`${node.path}: ${v} -> ${nv}`);
        break;
      }
      case 2: {
        if (Array.isArray(node.parent)) node.parent.splice(node.key as number, 1);
        else delete (node.parent as Record<string, Json>)[node.key as string];
        done.push(`delete ${node.path}`);
        break;
      }
      case 3: {
        // Repeat an element of the nearest array (a kernel, graph, bind, argument, task...).
        let target = node;
        if (!Array.isArray(target.parent)) {
          const arrays = nodes.filter((n) => Array.isArray(n.value) && (n.value as Json[]).length > 0);
          if (arrays.length === 0) break;
          const a = rng.pick(arrays).value as Json[];
          const i = rng.int(a.length);
          a.splice(rng.int(a.length + 1), 0, structuredClone(a[i]));
          done.push(`repeat an element of an array of ${a.length - 1}`);
          break;
        }
        const arr = target.parent as Json[];
        arr.splice(rng.int(arr.length + 1), 0, structuredClone(target.value));
        done.push(`repeat ${target.path}`);
        break;
      }
      case 4: {
        const other = rng.pick(nodes);
        set(node, structuredClone(other.value));
        done.push(`${node.path} := copy of ${other.path}`);
        break;
      }
      case 5: {
        if (typeof node.key === 'string' && !Array.isArray(node.parent)) {
          const obj = node.parent as Record<string, Json>;
          const to = rng.pick([...READ_KEYS, '', '__proto__x', 'name ']);
          delete obj[node.key];
          obj[to] = node.value;
          done.push(`rename ${node.path} to '${to}'`);
        } else {
          set(node, rng.chance(0.5) ? [node.value] : { value: node.value });
          done.push(`wrap ${node.path}`);
        }
        break;
      }
      case 6: {
        const nested = deepNesting(rng);
        raws.push(nested.text);
        if (node.parent === undefined) root = TOKEN(raws.length - 1);
        else set(node, TOKEN(raws.length - 1));
        done.push(`${node.path} := ${nested.what}`);
        break;
      }
      default: {
        // Equal numbers where the loader wants distinct ones (bindings, keys, offsets).
        const numbers = nodes.filter((n) => typeof n.value === 'number' && n.key === node.key);
        if (numbers.length < 2) {
          set(node, null);
          done.push(`${node.path} := null`);
          break;
        }
        const a = rng.pick(numbers);
        set(node, a.value);
        done.push(`${node.path} := ${String(a.value)} (as ${a.path})`);
      }
    }
  }
  let out = JSON.stringify(root);
  raws.forEach((raw, i) => {
    out = out.replace(`"${TOKEN(i)}"`, () => raw);
  });
  return { text: out, what: done.join(', ') || 'no change' };
}
