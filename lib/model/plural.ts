/** A number as a count reads, grouped in thousands: `3,000`. */
export function count(n: number): string {
  return n.toLocaleString("en-US");
}

/** A count with its noun, the number grouped in thousands: `1 claim`, `3,000 claims`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}
