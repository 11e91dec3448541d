// Reads the JSON bodies of order requests: what POST /orders and PUT /orders/{id} accept, and
// JSON Merge Patch (RFC 7396) for PATCH. Each invalid field becomes one error with a JSON pointer,
// so a 422 tells the learner everything to fix at once.
import type { FieldError } from './reply';
import { ORDER_STATUSES, type Order, type OrderItem, type OrderStatus } from './shop-data';

const MAX_ITEMS = 20;
const MAX_QUANTITY = 99;

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export interface OrderLookups {
  customerExists(id: string): boolean;
  productExists(id: string): boolean;
}

/** RFC 6901 escaping, written as a URI fragment as RFC 9457's own example does (`#/items/0`). */
function pointer(...path: (string | number)[]): string {
  return (
    '#' + path.map((part) => '/' + String(part).replace(/~/g, '~0').replace(/\//g, '~1')).join('')
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unknownFields(
  body: Record<string, unknown>,
  known: readonly string[],
  path: (string | number)[] = [],
): FieldError[] {
  return Object.keys(body)
    .filter((key) => !known.includes(key))
    .map((key) => ({ pointer: pointer(...path, key), detail: `Unknown field "${key}".` }));
}

function checkItems(items: unknown, lookups: OrderLookups, errors: FieldError[]): OrderItem[] {
  if (!Array.isArray(items)) {
    errors.push({ pointer: pointer('items'), detail: 'Required: an array of order items.' });
    return [];
  }
  if (items.length === 0 || items.length > MAX_ITEMS) {
    errors.push({ pointer: pointer('items'), detail: `Must hold 1 to ${MAX_ITEMS} items.` });
  }
  const checked: OrderItem[] = [];
  items.forEach((item: unknown, index) => {
    if (!isObject(item)) {
      errors.push({
        pointer: pointer('items', index),
        detail: 'Must be an object with productId and quantity.',
      });
      return;
    }
    errors.push(...unknownFields(item, ['productId', 'quantity'], ['items', index]));
    const { productId, quantity } = item;
    if (typeof productId !== 'string') {
      errors.push({ pointer: pointer('items', index, 'productId'), detail: 'Required: a string.' });
    } else if (!lookups.productExists(productId)) {
      errors.push({
        pointer: pointer('items', index, 'productId'),
        detail: `No product "${productId}" (GET /products lists them).`,
      });
    }
    if (
      typeof quantity !== 'number' ||
      !Number.isInteger(quantity) ||
      quantity < 1 ||
      quantity > MAX_QUANTITY
    ) {
      errors.push({
        pointer: pointer('items', index, 'quantity'),
        detail: `Required: a whole number from 1 to ${MAX_QUANTITY}.`,
      });
    }
    if (typeof productId === 'string' && typeof quantity === 'number') {
      checked.push({ productId, quantity });
    }
  });
  return checked;
}

export interface NewOrder {
  customerId: string;
  items: OrderItem[];
}

/**
 * POST /orders: `{ customerId?, items: [{ productId, quantity }] }`. A customer's token says whose
 * order it is (`ownCustomerId`); staff (null) must say it in the body.
 */
export function checkNewOrder(
  body: unknown,
  lookups: OrderLookups,
  ownCustomerId: string | null,
): Checked<NewOrder> {
  if (!isObject(body)) {
    return { ok: false, errors: [{ pointer: pointer(), detail: 'Must be a JSON object.' }] };
  }
  const errors = unknownFields(body, ['customerId', 'items']);
  const customerId = body.customerId ?? ownCustomerId;
  if (customerId === null) {
    errors.push({ pointer: pointer('customerId'), detail: 'Required when staff place an order.' });
  } else if (typeof customerId !== 'string') {
    errors.push({ pointer: pointer('customerId'), detail: 'Must be a string.' });
  } else if (!lookups.customerExists(customerId)) {
    errors.push({ pointer: pointer('customerId'), detail: `No customer "${customerId}".` });
  }
  const items = checkItems(body.items, lookups, errors);
  if (errors.length > 0 || typeof customerId !== 'string') return { ok: false, errors };
  return { ok: true, value: { customerId, items } };
}

// The server owns these. A client may send them back as it read them (a PUT of a GET's body), but
// not change them.
const READ_ONLY_FIELDS = [
  'id',
  'customerId',
  'total',
  'currency',
  'createdAt',
  'updatedAt',
] as const;

export interface OrderChanges {
  items: OrderItem[];
  status: OrderStatus;
}

/** PUT /orders/{id} (and a PATCH once merged): the whole order, `items` and `status` required. */
export function checkReplacement(
  body: unknown,
  current: Order,
  lookups: OrderLookups,
): Checked<OrderChanges> {
  if (!isObject(body)) {
    return { ok: false, errors: [{ pointer: pointer(), detail: 'Must be a JSON object.' }] };
  }
  const errors = unknownFields(body, ['items', 'status', ...READ_ONLY_FIELDS]);
  for (const field of READ_ONLY_FIELDS) {
    if (field in body && body[field] !== current[field]) {
      errors.push({
        pointer: pointer(field),
        detail: `Read-only: the shop sets ${field}; send ${JSON.stringify(current[field])} or leave it out.`,
      });
    }
  }
  const items = checkItems(body.items, lookups, errors);
  const status = body.status;
  const isStatus = ORDER_STATUSES.some((known) => known === status);
  if (!isStatus) {
    errors.push({
      pointer: pointer('status'),
      detail: `Required: one of ${ORDER_STATUSES.join(', ')}.`,
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { items, status: status as OrderStatus } };
}

/** JSON Merge Patch (RFC 7396): objects merge member by member, null deletes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const result: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete result[key];
    } else {
      // defineProperty, because assigning a "__proto__" key from the learner's JSON would set the
      // prototype instead of adding a field the validation then rejects.
      Object.defineProperty(result, key, {
        value: mergePatch(result[key], value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return result;
}

/** Key order aside, the same JSON: what makes two Idempotency-Key requests "the same body". */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isObject(value)) {
    const members = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}
