import type { z } from 'zod';
import { encodeInstant } from './common.schema.js';

/**
 * What a value looks like on the wire, by its schema: every instant (`ZTime`, epoch milliseconds
 * inside the server) becomes its ISO 8601 string; everything else is left exactly as it is. Walks
 * the schema, not the value, so a number that is not an instant is never touched, and it never
 * throws: a value that does not have the schema's shape passes through unchanged where it differs.
 * Used for every JSON answer (the route layer), webhook bodies and the CLI's JSON.
 */
export function toWire(schema: z.ZodType, value: unknown): unknown {
  const encode = encoderOf(schema);
  return encode ? encode(value) : value;
}

type Encoder = (value: unknown) => unknown;

interface Def {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  options?: z.ZodType[];
  discriminator?: string;
  in?: z.ZodType;
  out?: z.ZodType;
  reverseTransform?: unknown;
  getter?: () => z.ZodType;
  valueType?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  items?: z.ZodType[];
  rest?: z.ZodType | null;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
/** null: nothing under this schema is an instant. */
const compiled = new WeakMap<z.ZodType, Encoder | null>();
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function encoderOf(schema: z.ZodType): Encoder | null {
  if (compiled.has(schema)) return compiled.get(schema) ?? null;
  // A recursive schema (the tree of promises) reaches itself through z.lazy: until it is compiled,
  // the entry defers to the finished one.
  let finished: Encoder | null = null;
  compiled.set(schema, (value) => (finished ? finished(value) : value));
  finished = compile(defOf(schema));
  compiled.set(schema, finished);
  return finished;
}

function compile(def: Def): Encoder | null {
  switch (def.type) {
    case 'pipe': {
      if (def.reverseTransform === encodeInstant) {
        return (value) => (typeof value === 'number' && Number.isFinite(value) ? encodeInstant(value) : value);
      }
      // Inside the server a value has the pipe's output shape.
      return def.out ? encoderOf(def.out) : null;
    }
    case 'nullable':
    case 'optional':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
    case 'success':
      return def.innerType ? encoderOf(def.innerType) : null;
    case 'lazy':
      return def.getter ? (value) => toWire((def.getter as () => z.ZodType)(), value) : null;
    case 'array': {
      const item = def.element ? encoderOf(def.element) : null;
      return item ? (value) => (Array.isArray(value) ? value.map(item) : value) : null;
    }
    case 'tuple': {
      const items = (def.items ?? []).map(encoderOf);
      const rest = def.rest ? encoderOf(def.rest) : null;
      if (!rest && items.every((e) => e === null)) return null;
      return (value) =>
        Array.isArray(value) ? value.map((v, i) => ((i < items.length ? items[i] : rest) ?? ((x: unknown) => x))(v)) : value;
    }
    case 'record': {
      const item = def.valueType ? encoderOf(def.valueType) : null;
      return item
        ? (value) => (isPlainObject(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, item(v)])) : value)
        : null;
    }
    case 'object': {
      const fields = Object.entries(def.shape ?? {}).flatMap(([key, field]) => {
        const encode = encoderOf(field);
        return encode ? [[key, encode] as const] : [];
      });
      if (fields.length === 0) return null;
      return (value) => {
        if (!isPlainObject(value)) return value;
        const out: Record<string, unknown> = { ...value };
        for (const [key, encode] of fields) if (key in out) out[key] = encode(out[key]);
        return out;
      };
    }
    case 'intersection': {
      const left = def.left ? encoderOf(def.left) : null;
      const right = def.right ? encoderOf(def.right) : null;
      if (!left && !right) return null;
      return (value) => (right ? right(left ? left(value) : value) : left ? left(value) : value);
    }
    case 'union': {
      const options = (def.options ?? []).map((option) => ({ option, encode: encoderOf(option) }));
      if (options.every((o) => o.encode === null)) return null;
      const discriminator = def.discriminator;
      return (value) => {
        // A discriminated union: the option whose literal matches; otherwise the first object option
        // whose every key the value has, else the first option that encodes anything.
        const chosen = discriminator
          ? options.find((o) => literalsOf(o.option, discriminator).includes((value as Record<string, unknown>)?.[discriminator]))
          : options.find((o) => fits(o.option, value));
        return chosen?.encode ? chosen.encode(value) : value;
      };
    }
    default:
      return null;
  }
}

/** The literal values an object option allows for its discriminator field. */
function literalsOf(option: z.ZodType, key: string): unknown[] {
  const field = defOf(option).shape?.[key];
  if (!field) return [];
  const def = defOf(field) as Def & { values?: unknown[] };
  return def.values ?? [];
}

/** Whether a value could be of this option: same primitive kind, or an object with every required key. */
function fits(option: z.ZodType, value: unknown): boolean {
  const def = defOf(option);
  if (def.type === 'nullable') return value === null || fits(def.innerType as z.ZodType, value);
  if (def.type === 'object') {
    if (!isPlainObject(value)) return false;
    return Object.entries(def.shape ?? {}).every(([key, field]) => key in value || ['optional', 'default'].includes(defOf(field).type));
  }
  if (def.type === 'array') return Array.isArray(value);
  if (def.type === 'null') return value === null;
  if (def.type === 'pipe' && def.reverseTransform === encodeInstant) return typeof value === 'number';
  return true;
}
