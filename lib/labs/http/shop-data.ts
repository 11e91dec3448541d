// The shop's records, its seeded tokens and data, and the deterministic helpers (a seeded PRNG and a
// short hash) that order ids, ETags and cursors come from, so a lab replays identically.

export interface Customer {
  id: string;
  name: string;
  email: string;
}

export interface Product {
  id: string;
  name: string;
  /** In cents, as every amount in the shop: integers never round. */
  price: number;
  currency: 'EUR';
}

export const ORDER_STATUSES = ['pending', 'paid', 'shipped', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface OrderItem {
  productId: string;
  quantity: number;
}

export interface Order {
  id: string;
  customerId: string;
  items: OrderItem[];
  status: OrderStatus;
  /** Sum of quantity × price, in cents. */
  total: number;
  currency: 'EUR';
  createdAt: string;
  updatedAt: string;
}

/** Who a bearer token speaks for. `customerId: null` is staff, who see every customer's data. */
export interface Principal {
  token: string;
  customerId: string | null;
  canWrite: boolean;
}

// Fixed strings rather than seeded ones, so a lab prompt can quote them whatever the seed.
/** Ada, a customer: reads and writes her own orders only. */
export const CUSTOMER_TOKEN = 'customer-ada-8c41f2';
/** Grace, another customer: what Ada's token must not reach. */
export const OTHER_CUSTOMER_TOKEN = 'customer-grace-27b9d0';
/** Staff with every permission. */
export const ADMIN_TOKEN = 'admin-e5a013';
/** Staff who may read everything and change nothing. */
export const READ_ONLY_TOKEN = 'readonly-93c6b8';

export const CUSTOMER_ID = 'cus_ada';
export const OTHER_CUSTOMER_ID = 'cus_grace';

export const SEED_CUSTOMERS: readonly Customer[] = [
  { id: CUSTOMER_ID, name: 'Ada Lovelace', email: 'ada@example.com' },
  { id: OTHER_CUSTOMER_ID, name: 'Grace Hopper', email: 'grace@example.com' },
  { id: 'cus_linus', name: 'Linus Torvalds', email: 'linus@example.com' },
];

export const SEED_PRODUCTS: readonly Product[] = [
  { id: 'prd_mug', name: 'Backend Path mug', price: 1200, currency: 'EUR' },
  { id: 'prd_tee', name: 'HTTP status T-shirt', price: 2500, currency: 'EUR' },
  { id: 'prd_sticker', name: '418 sticker', price: 300, currency: 'EUR' },
  { id: 'prd_book', name: 'Field guide to REST', price: 3900, currency: 'EUR' },
];

export const SEED_PRINCIPALS: readonly Principal[] = [
  { token: CUSTOMER_TOKEN, customerId: CUSTOMER_ID, canWrite: true },
  { token: OTHER_CUSTOMER_TOKEN, customerId: OTHER_CUSTOMER_ID, canWrite: true },
  { token: ADMIN_TOKEN, customerId: null, canWrite: true },
  { token: READ_ONLY_TOKEN, customerId: null, canWrite: false },
];

/** 15 January 2026, 09:00 UTC: a fixed "now" so dates in transcripts never drift. */
export const DEFAULT_START_TIME = Date.UTC(2026, 0, 15, 9, 0, 0);

/** Enough for three pages at the default page size of 10. */
export const DEFAULT_SEED_ORDER_COUNT = 25;

/** mulberry32: a tiny PRNG whose whole state is one 32-bit number, plenty for ids. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

function fnv1a(text: string, basis: number): number {
  let hash = basis >>> 0;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * 16 hex digits from two FNV-1a passes. Not cryptographic: it only has to change whenever its input
 * does, and to catch a learner editing a cursor by hand.
 */
export function shortHash(text: string): string {
  const first = fnv1a(text, 0x811c9dc5);
  const second = fnv1a(`${first}:${text}`, 0x9747b28c);
  return first.toString(16).padStart(8, '0') + second.toString(16).padStart(8, '0');
}

// No 0/o or 1/l/i, so an id read aloud or copied from a screenshot survives.
const ID_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function randomId(prefix: string, random: () => number): string {
  let id = prefix;
  for (let index = 0; index < 10; index += 1) {
    id += ID_ALPHABET[Math.floor(random() * ID_ALPHABET.length)];
  }
  return id;
}

export function orderTotal(items: readonly OrderItem[], products: readonly Product[]): number {
  return items.reduce((sum, item) => {
    const product = products.find((candidate) => candidate.id === item.productId);
    return sum + (product ? product.price * item.quantity : 0);
  }, 0);
}

// Ada has most of the history (two pages of her own), Grace and Linus some.
const SEED_ORDER_OWNERS = [CUSTOMER_ID, OTHER_CUSTOMER_ID, CUSTOMER_ID, 'cus_linus', CUSTOMER_ID];

/** The shop's order history: one order every 3 hours up to startTime, oldest first. */
export function seedOrders(
  count: number,
  startTime: number,
  random: () => number,
  newId: () => string,
): Order[] {
  const orders: Order[] = [];
  for (let index = 0; index < count; index += 1) {
    const createdAt = new Date(startTime - (count - index) * 3 * 3_600_000).toISOString();
    const items: OrderItem[] = [];
    const itemCount = 1 + Math.floor(random() * 3);
    for (let line = 0; line < itemCount; line += 1) {
      const product = SEED_PRODUCTS[Math.floor(random() * SEED_PRODUCTS.length)];
      if (product && !items.some((item) => item.productId === product.id)) {
        items.push({ productId: product.id, quantity: 1 + Math.floor(random() * 4) });
      }
    }
    const age = count - index;
    const status: OrderStatus =
      index % 7 === 6 ? 'cancelled' : age > 10 ? 'shipped' : age > 4 ? 'paid' : 'pending';
    orders.push({
      id: newId(),
      customerId: SEED_ORDER_OWNERS[index % SEED_ORDER_OWNERS.length] ?? CUSTOMER_ID,
      items,
      status,
      total: orderTotal(items, SEED_PRODUCTS),
      currency: 'EUR',
      createdAt,
      updatedAt: createdAt,
    });
  }
  return orders;
}
