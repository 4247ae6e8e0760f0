// In LIKE and ILIKE, "%" and "_" are wildcards and "\" escapes them. What a person types into a
// search box is literal text: "50%" must find "50%", not everything starting with "50".

/** The text with LIKE's wildcards and escape character made literal. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}

/** A LIKE pattern matching values that start with the text, taken literally. */
export function startsWithPattern(text: string): string {
  return `${escapeLike(text)}%`;
}

/** A LIKE pattern matching values that contain the text, taken literally. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}
