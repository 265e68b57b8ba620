/** Problems found: the page or an element wider than the window or its kit element (`tags`). */
export function findOverflow(tags: string[]): string[];
