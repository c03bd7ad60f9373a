/** How English words become predicate and constant names (the FOLIO-compatible naming conventions). */

/** `dependent-on` → `DependentOn`; predicate names are capitalised camel case. */
export function predicateName(...words: string[]): string {
  return words
    .flatMap((w) => w.split(/[^A-Za-z0-9]+/))
    .filter((w) => w.length > 0)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())
    .join('');
}

/** `Socrates` → `socrates`, `New York` → `new_york`. */
export function constantName(...words: string[]): string {
  return words
    .flatMap((w) => w.split(/[^A-Za-z0-9]+/))
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase())
    .join('_');
}
