/** A count as people read it: 1,234,567. */
export const count = (n: number) => n.toLocaleString('en-US');
